package org.osr.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.osr.testkit.Slow;

/**
 * On the real legacy Word files of the shared corpus, nothing Tika read is lost by reading the file story by story:
 * every line of Tika's text (headers and footers included) is in one of {@link LegacyWordReader}'s parts. Skips
 * when the corpus is absent.
 */
@Slow
class LegacyWordCorpusTest {
    private static final Path CORPUS = Path.of("../shared/corpus");
    /**
     * Tika writes a field's marks as U+FFFD when they share a run with text, and writes the instruction of a field
     * without a result as text: the pieces between marks and before a field keyword are compared one by one.
     */
    private static final Pattern FIELD_MARKS = Pattern.compile("\uFFFD|(?=\\b(?:" + Keywords.ALL + ")\\s)");
    private static final Pattern FIELD_INSTRUCTION = Pattern.compile("^\\s*(?:" + Keywords.ALL + ")\\b");
    private static final List<String> FOLDERS = List.of("clean/cn-oa-templates", "robustness/cn-oa",
            "robustness/tika");

    @Test
    void everyLineTikaReadIsInAPart() throws Exception {
        assumeTrue(Files.isDirectory(CORPUS), "shared corpus absent");
        List<String> lost = new ArrayList<>();
        int read = 0;
        int fellBack = 0;
        int lines = 0;
        int instructions = 0;
        int split = 0;
        for (Path file : docFiles()) {
            String tika = tikaText(file);
            if (tika == null) {
                continue;   // Tika could not read it either (encrypted, damaged)
            }
            DocxStructureReader.Content content;
            try {
                content = LegacyWordReader.read(file);
            } catch (IOException e) {
                // TikaExtractor keeps Tika's text for these, and names no problem of its own
                fellBack++;
                Document kept = new TikaExtractor().extract(file, file.getFileName().toString());
                assertEquals(List.of(TikaExtractor.tidy(tika)), kept.parts().stream()
                        .filter(p -> p.kind() == PartKind.BODY).map(Part::text).toList(), file.toString());
                continue;
            }
            read++;
            StringBuilder all = new StringBuilder();
            content.parts().forEach(p -> all.append(squeeze(p.text())));
            for (String line : tika.split("\n")) {
                if (squeeze(line).isEmpty()) {
                    continue;
                }
                lines++;
                for (String piece : FIELD_MARKS.split(line)) {
                    String l = squeeze(piece);
                    if (FIELD_INSTRUCTION.matcher(piece).find()) {
                        instructions += all.toString().contains(l) ? 0 : 1;
                    } else if (!l.isEmpty() && !all.toString().contains(l)) {
                        if (covered(l, all.toString())) {
                            split++;
                        } else {
                            lost.add(CORPUS.relativize(file) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        System.out.printf("legacy Word corpus: %d read by HWPF, %d left to Tika, %d Tika lines, %d lost, %d field "
                + "instructions dropped, %d lines split across parts or reordered%n", read, fellBack, lines,
                lost.size(), instructions, split);
        assertEquals(List.of(), lost);
    }

    private static List<Path> docFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : FOLDERS) {
            Path dir = CORPUS.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> p.getFileName().toString().matches(".*\\.(doc|dot|wps)")).sorted()
                            .forEach(files::add);
                }
            }
        }
        return files;
    }

    /** Tika's text of a Word 97–2003 file, or null if it is something else or Tika failed on it. */
    private static String tikaText(Path file) {
        AutoDetectParser parser = new AutoDetectParser();
        LayoutTextHandler handler = new LayoutTextHandler(new AtomicLong(TikaExtractor.DEFAULT_CHAR_LIMIT));
        Metadata md = new Metadata();
        try (InputStream in = Files.newInputStream(file)) {
            ParseContext context = new ParseContext();
            context.set(EmbeddedDocumentExtractor.class, new NoEmbedded());
            parser.parse(in, handler, md, context);
        } catch (Exception e) {
            return null;
        }
        String type = md.get(Metadata.CONTENT_TYPE);
        return type != null && LegacyWordReader.handles(type.split(";")[0].strip()) ? handler.body() : null;
    }

    /** Word's field types whose instructions (not results) Tika may write as text. */
    private static final class Keywords {
        static final String ALL = "HYPERLINK|EMBED|XE|TA|TC|PAGE|NUMPAGES|MERGEFIELD|PAGEREF|REF|TOC|SEQ|"
                + "INCLUDEPICTURE|MACROBUTTON|FORMTEXT|FORMCHECKBOX|LINK|DATE|TIME|SYMBOL|EQ";
    }

    /** Embedded files are read apart from their host, as TikaExtractor reads them. */
    private static final class NoEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, org.xml.sax.ContentHandler handler, Metadata metadata,
                                  boolean outputHtml) {
        }
    }

    /**
     * Whether the line is made of pieces of the parts' text: Tika writes a paragraph's hidden and deleted runs on
     * the body's line, and the result of a nested field (a page number in a table of contents) before its host's.
     */
    private static boolean covered(String line, String parts) {
        int at = 0;
        while (at < line.length()) {
            int end = at;
            while (end < line.length() && parts.contains(line.substring(at, end + 1))) {
                end++;
            }
            if (end == at) {
                return false;
            }
            at = end;
        }
        return true;
    }

    /** Text without whitespace, field marks or the characters Tika writes for Word's special hyphens. */
    private static String squeeze(String s) {
        return s.replaceAll("[\\s\u00a0\u3000\u200b\ufffd\ue000-\uf8ff]", "").replace('\u2011', '-');
    }
}
