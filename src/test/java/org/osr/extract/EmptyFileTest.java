package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.FormatSamples;

/**
 * A file of zero bytes, or with nothing but its format's header, whose name promises a document: the document is
 * missing (a failed export or upload), and that must not pass as a clean document. An empty text is a blank text.
 */
class EmptyFileTest {
    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;

    private Document read(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return extractor.extract(file, name);
    }

    private static Problem onlyProblem(Document doc) {
        assertThat(doc.coverage().complete()).as("complete").isFalse();
        assertThat(doc.coverage().problems()).hasSize(1);
        return doc.coverage().problems().get(0);
    }

    @ParameterizedTest(name = "notice.{0}")
    @ValueSource(strings = {"pdf", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "rtf", "odt", "zip", "7z", "tar",
            "gz", "eml", "png", "jpg"})
    void zeroByteFileOfAKnownFormatIsEmpty(String extension) throws Exception {
        Problem p = onlyProblem(read("notice." + extension, new byte[0]));

        assertThat(p.code()).isEqualTo(Problem.EMPTY);
        assertThat(p.message()).isEqualTo("the file is empty (0 bytes) but its name says "
                + extension.toUpperCase(Locale.ROOT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"notice.txt", "notice.html", "notice.md", "notice.csv", "README"})
    void zeroByteTextIsABlankDocumentReadCompletely(String name) throws Exception {
        Document doc = read(name, new byte[0]);

        assertThat(doc.coverage().complete()).isTrue();
        assertThat(doc.parts()).isEmpty();
    }

    static Stream<Arguments> headerOnly() throws IOException {
        byte[] xls = FormatSamples.xls(List.of("通知"));
        return Stream.of(
                Arguments.of("notice.pdf", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), "only the PDF header"),
                Arguments.of("notice.docx", ContainerExtractionTest.zip(Map.of()), "the DOCX file is an empty ZIP container"),
                Arguments.of("bundle.zip", ContainerExtractionTest.zip(Map.of()), "the ZIP file is an empty ZIP container"),
                Arguments.of("notice.xls", Arrays.copyOf(xls, 512), "only the OLE2 header"),
                Arguments.of("bundle.tar", FormatSamples.tar(Map.of()), "the tar archive holds no entries"),
                Arguments.of("notice.txt.gz", FormatSamples.gzip(new byte[0]), "decompresses to nothing"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerOnly")
    void headerWithoutContentIsEmpty(String name, byte[] bytes, String message) throws Exception {
        Problem p = onlyProblem(read(name, bytes));

        assertThat(p.code()).isEqualTo(Problem.EMPTY);
        assertThat(p.message()).contains(message);
    }

    @Test
    void sevenZipWithoutEntriesIsEmpty() throws Exception {
        Path file = tmp.resolve("bundle.7z");
        FormatSamples.sevenZip(file, Map.of());

        Problem p = onlyProblem(extractor.extract(file, "bundle.7z"));

        assertThat(p.code()).isEqualTo(Problem.EMPTY);
        assertThat(p.message()).contains("the 7z archive holds no entries");
    }

    /** The RTF header opens the document's group; without its closing brace the file is cut short. */
    @Test
    void rtfHeaderAloneIsCutShort() throws Exception {
        Problem p = onlyProblem(read("notice.rtf", "{\\rtf1".getBytes(StandardCharsets.US_ASCII)));

        assertThat(p.code()).isEqualTo(Problem.CUT_SHORT);
        assertThat(p.message()).contains("the RTF ends inside 1 open group");
    }

    /** A complete document that happens to hold no text is blank, not damaged, as a Word file with no text is. */
    @Test
    void completeRtfWithoutTextIsReadCompletely() throws Exception {
        assertThat(read("blank.rtf", "{\\rtf1}".getBytes(StandardCharsets.US_ASCII)).coverage().complete()).isTrue();
    }

    @Test
    void emptyPdfIsUnreviewableWhileAnEmptyTextIsPublishable() throws Exception {
        DocumentReviewer reviewer = new DocumentReviewer(extractor,
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));
        Path pdf = Files.write(tmp.resolve("notice.pdf"), new byte[0]);
        Path txt = Files.write(tmp.resolve("notice.txt"), new byte[0]);

        Opinion pdfOpinion = reviewer.review(pdf, "notice.pdf");
        Opinion txtOpinion = reviewer.review(txt, "notice.txt");

        assertThat(pdfOpinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(pdfOpinion.exitCode()).isEqualTo(3);
        assertThat(txtOpinion.verdict()).isEqualTo(Verdict.PUBLISHABLE);
    }
}
