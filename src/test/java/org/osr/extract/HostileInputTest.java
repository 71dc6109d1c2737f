package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.Slow;

/**
 * Files built to hurt the scanner. Every one is made here at test time; none may crash, hang, exhaust the heap,
 * resolve an external entity, or come out as a complete (publishable) read when it was not read completely.
 */
@Slow
class HostileInputTest {
    private static final String SECRET = "OSR-XXE-SECRET-7f3a";
    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;
    /** A local file an external entity points at; its content must never reach any part. */
    private String secretUri;

    @BeforeEach
    void secretFile() throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        secretUri = secret.toUri().toString();
    }

    private static void assertNoPartContains(Document doc, String text) {
        assertThat(doc.parts()).allSatisfy(p -> assertThat(p.text()).doesNotContain(text));
        assertThat(doc.title()).satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).doesNotContain(text));
    }

    private static boolean hasProblem(Document doc, String code) {
        return doc.coverage().problems().stream().anyMatch(p -> p.code().equals(code));
    }

    private String doctype(String root) {
        return "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + secretUri + "\">]>";
    }

    @Test
    void externalEntityInDocxIsNotResolvedAndTheFileIsUnreviewable() throws Exception {
        Path docx = tmp.resolve("xxe.docx");
        Files.write(docx, ContainerExtractionTest.markedDocx());
        Path hostile = tmp.resolve("hostile.docx");
        try (ZipFile in = new ZipFile(docx.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(hostile))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("word/document.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int afterDecl = xml.indexOf("?>") + 2;
                    xml = xml.substring(0, afterDecl) + doctype("w:document") + xml.substring(afterDecl)
                            .replace("正文。", "正文&x;");
                    bytes = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }

        Document doc = extractor.extract(hostile, "hostile.docx");

        assertNoPartContains(doc, SECRET);
        assertThat(hasProblem(doc, Problem.CORRUPT)).isTrue();
    }

    @Test
    void externalEntityInHtmlIsNotResolved() throws Exception {
        Path html = tmp.resolve("xxe.html");
        Files.writeString(html, doctype("html") + "<html><head><title>t</title></head><body><p>通知</p>"
                + "<p>before &x; after</p></body></html>");

        Document doc = extractor.extract(html, "xxe.html");

        assertNoPartContains(doc, SECRET);
        assertThat(doc.parts()).anySatisfy(p -> assertThat(p.text()).contains("通知"));
    }

    @Test
    void externalEntityInSvgIsNotResolved() throws Exception {
        Path svg = tmp.resolve("xxe.svg");
        Files.writeString(svg, "<?xml version=\"1.0\"?>" + doctype("svg")
                + "<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"0\" y=\"10\">机密 &x;</text></svg>");

        Document doc = extractor.extract(svg, "xxe.svg");

        assertNoPartContains(doc, SECRET);
    }

    /** 1 GiB of zeros deflates to about 1 MiB; it must not be inflated into memory, and is never a clean read. */
    @Test
    @Timeout(120)
    void zipBombIsUnreviewableAndBounded() throws Exception {
        Path bomb = tmp.resolve("bomb.zip");
        byte[] zeros = new byte[1 << 20];
        try (ZipOutputStream z = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(bomb)))) {
            z.setLevel(9);
            z.putNextEntry(new ZipEntry("zeros.txt"));
            for (int i = 0; i < 1024; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(2L << 20);

        Document doc = extractor.extract(bomb, "bomb.zip");

        assertThat(hasProblem(doc, Problem.TRUNCATED) || hasProblem(doc, Problem.CORRUPT)).isTrue();
    }

    @Test
    void twentyLevelsOfNestedZipsAreTruncatedNotACrash() throws Exception {
        byte[] inner = "机密★5年\n".getBytes(StandardCharsets.UTF_8);
        String name = "deepest.txt";
        for (int level = 20; level >= 1; level--) {
            inner = ContainerExtractionTest.zip(Map.of(name, inner));
            name = "level" + level + ".zip";
        }
        Path file = tmp.resolve("nested.zip");
        Files.write(file, inner);

        Document doc = extractor.extract(file, "nested.zip");

        assertThat(doc.coverage().problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(Problem.TRUNCATED);
            assertThat(p.message()).contains("nested more than " + TikaExtractor.MAX_EMBEDDED_DEPTH);
        });
        assertThat(doc.parts()).anySatisfy(p ->
                assertThat(p.embeddedPath()).startsWith("nested.zip!/level2.zip/level3.zip/"));
    }

    /** 200 MB on one line: more text than the character budget, so it ends truncated, never complete. */
    @Test
    @Timeout(120)
    void twoHundredMegabyteSingleLineHtmlIsTruncatedNotAnOutOfMemory() throws Exception {
        Path html = tmp.resolve("huge.html");
        char[] chunk = "a".repeat(1 << 20).toCharArray();
        try (Writer w = Files.newBufferedWriter(html, StandardCharsets.UTF_8)) {
            w.write("<html><body><p>");
            for (int i = 0; i < 200; i++) {
                w.write(chunk);
            }
            w.write("</p><!-- 机密★5年 --></body></html>");
        }

        Document doc = extractor.extract(html, "huge.html");

        assertThat(hasProblem(doc, Problem.TRUNCATED)).isTrue();
    }
}
