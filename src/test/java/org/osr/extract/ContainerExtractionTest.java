package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.SampleDocuments;

/** Archives and e-mails are read recursively, and every finding says which embedded file it is in. */
class ContainerExtractionTest {
    static final String MARKING = "机密★5年";
    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] markedDocx() throws IOException {
        return SampleDocuments.docx(DocxSpec.of("内件", List.of("000318", MARKING, "正文。"))
                .withHeader("秘密★1年").withTrackedDeletion("绝密★长期"));
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    static List<Part> partsIn(Document doc, String embeddedPath) {
        return doc.parts().stream().filter(p -> embeddedPath.equals(p.embeddedPath())).toList();
    }

    @Test
    void docxInANestedZipKeepsItsLabelledPartsAndItsFullPath() throws Exception {
        byte[] inner = zip(Map.of("a/b.docx", markedDocx()));
        Path file = write("bundle.zip", zip(Map.of("sub/inner.zip", inner)));

        Document doc = extractor.extract(file, "in/bundle.zip");

        assertThat(doc.coverage().complete()).isTrue();
        String path = "bundle.zip!/sub/inner.zip/a/b.docx";
        assertThat(partsIn(doc, path)).extracting(Part::kind)
                .contains(PartKind.EMBEDDED, PartKind.HEADER, PartKind.DELETED);
        assertThat(partsIn(doc, path)).anySatisfy(p -> {
            assertThat(p.kind()).isEqualTo(PartKind.EMBEDDED);
            assertThat(p.text()).contains(MARKING);
        });
    }

    @Test
    void sevenZipTarAndGzipAreRead() throws Exception {
        Path sevenZ = tmp.resolve("bundle.7z");
        try (SevenZOutputFile out = new SevenZOutputFile(sevenZ.toFile())) {
            SevenZArchiveEntry entry = out.createArchiveEntry(write("note.txt", ("通知\n" + MARKING + "\n")
                    .getBytes(StandardCharsets.UTF_8)).toFile(), "dir/note.txt");
            out.putArchiveEntry(entry);
            out.write(("通知\n" + MARKING + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeArchiveEntry();
        }
        ByteArrayOutputStream tarGz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(tarGz))) {
            byte[] docx = markedDocx();
            TarArchiveEntry e = new TarArchiveEntry("d/x.docx");
            e.setSize(docx.length);
            tar.putArchiveEntry(e);
            tar.write(docx);
            tar.closeArchiveEntry();
        }
        for (Path file : List.of(sevenZ, write("bundle.tar.gz", tarGz.toByteArray()))) {
            Document doc = extractor.extract(file, file.getFileName().toString());
            assertThat(doc.coverage().complete()).as(file.toString()).isTrue();
            assertThat(doc.parts()).as(file.toString()).anySatisfy(p -> {
                assertThat(p.text()).contains(MARKING);
                assertThat(p.embeddedPath()).startsWith(file.getFileName() + "!/");
            });
        }
    }

    @Test
    void emailAttachmentsAreRead() throws Exception {
        String eml = "From: a@example.org\r\nTo: b@example.org\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString("通知".getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"XX\"\r\n\r\n"
                + "--XX\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n请查收附件。\r\n"
                + "--XX\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n"
                + "Content-Disposition: attachment; filename=\"att.docx\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(markedDocx()) + "\r\n--XX--\r\n";
        Path file = write("mail.eml", eml.getBytes(StandardCharsets.UTF_8));

        Document doc = extractor.extract(file, "x/mail.eml");

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.parts()).anySatisfy(p -> {
            assertThat(p.text()).contains(MARKING);
            assertThat(p.embeddedPath()).startsWith("mail.eml!/").endsWith("att.docx");
        });
    }

    /** An archive member no parser can read must not pass as an empty, clean member. */
    @Test
    void unreadableMemberMakesTheArchiveIncomplete() throws Exception {
        Path file = write("bundle.zip", zip(Map.of("data/blob.bin", new byte[] {0, 1, 2, 3, (byte) 0xff, 0, 7})));

        Document doc = extractor.extract(file, "bundle.zip");

        assertThat(doc.coverage().problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo(Problem.UNSUPPORTED_FORMAT);
            assertThat(p.message()).contains("bundle.zip!/data/blob.bin");
        });
    }
}
