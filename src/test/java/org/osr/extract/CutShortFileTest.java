package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.osr.testkit.Damage;
import org.osr.testkit.DocxSpec;
import org.osr.testkit.FormatSamples;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.Slow;

/**
 * A copy or download that stopped part-way: parsers read such a file as far as it goes and often say nothing, so
 * the first part of a document would pass as all of it. Each format is cut at 60 % of its bytes; its whole twin
 * must still be read completely, with the marking that sits in its second half.
 */
class CutShortFileTest {
    private static final String MARKING = "机密★5年";
    private final TikaExtractor extractor = new TikaExtractor();

    @TempDir
    Path tmp;

    /** Eighty lines of notice text, the marking last, so a cut at 60 % loses it. */
    private static List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            lines.add("第" + i + "条　各单位应当按照防汛工作要求，做好汛前检查和值班安排。");
        }
        lines.add(MARKING);
        return lines;
    }

    private static byte[] text() {
        return String.join("\n", lines()).getBytes(StandardCharsets.UTF_8);
    }

    /** Two members, the second holding the marking. */
    private static Map<String, byte[]> members() {
        Map<String, byte[]> members = new LinkedHashMap<>();
        members.put("a/first.txt", String.join("\n", lines().subList(0, 40)).getBytes(StandardCharsets.UTF_8));
        members.put("a/second.txt", text());
        return members;
    }

    static Stream<Arguments> formats() throws IOException {
        return Stream.of(
                Arguments.of("notice.rtf", FormatSamples.rtf(lines())),
                Arguments.of("notice.docx", SampleDocuments.docx(DocxSpec.of("通知", lines()))),
                Arguments.of("notice.xlsx", FormatSamples.xlsx(lines())),
                Arguments.of("notice.pptx", FormatSamples.pptx(lines())),
                Arguments.of("notice.xls", FormatSamples.xls(lines())),
                Arguments.of("bundle.zip", ContainerExtractionTest.zip(members())),
                Arguments.of("bundle.tar", FormatSamples.tar(members())),
                Arguments.of("notice.txt.gz", FormatSamples.gzip(text())),
                Arguments.of("bundle.tar.gz", FormatSamples.gzip(FormatSamples.tar(members()))));
    }

    private Document read(String name, byte[] bytes) throws IOException {
        Path file = tmp.resolve(name);
        Files.write(file, bytes);
        return extractor.extract(file, name);
    }

    private static void assertCutShort(Document doc, String because) {
        assertThat(doc.coverage().complete()).as("complete").isFalse();
        assertThat(doc.coverage().problems()).as("problems").first().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.CUT_SHORT);
            assertThat(p.message()).startsWith("the file is cut short: ").contains(because);
        });
    }

    private static void assertReadWhole(Document doc) {
        assertThat(doc.coverage().problems()).as("problems").isEmpty();
        assertThat(doc.parts()).anySatisfy(p -> assertThat(p.text()).contains(MARKING));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void wholeFileIsReadCompletely(String name, byte[] bytes) throws Exception {
        assertReadWhole(read(name, bytes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void fileCutAtSixtyPercentIsCutShort(String name, byte[] bytes) throws Exception {
        assertCutShort(read(name, Damage.cut(bytes, 0.6)), "");
    }

    @Test
    void anHtmlPageThatLeavesOutItsOptionalEndTagsIsWholeButOneCutInTextOrInATagIsNot() throws Exception {
        // HTML lets </body> and </html> be left out (SQLite's generated documentation does): the page's last thing is
        // an end tag. A cut lands in text or inside a tag.
        String page = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>通知</title></head>\n<body>\n<dl>\n"
                + "<dt>" + MARKING + "</dt>\n<dd>关于做好防汛工作的通知</dd>\n<dd>请各单位认真贯彻落实。</dd>\n</dl>\n\n";
        assertReadWhole(read("whole.html", page.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        String inText = page.substring(0, page.indexOf("请各单位") + 2);
        assertCutShort(read("cut-in-text.html", inText.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "</html>");
        String inTag = page.substring(0, page.lastIndexOf("</dl>") + 3);
        assertCutShort(read("cut-in-tag.html", inTag.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "</html>");
    }

    @Test
    void rtfCutShortNamesTheGroupsLeftOpen() throws Exception {
        assertCutShort(read("notice.rtf", Damage.cut(FormatSamples.rtf(lines()), 0.6)),
                "the RTF ends inside 2 open groups");
    }

    static Stream<Arguments> zipContainers() throws IOException {
        return formats().filter(a -> ((byte[]) a.get()[1])[0] == 'P' && ((byte[]) a.get()[1])[1] == 'K');
    }

    /** The end of the last entry is all there; only the list of entries (and with it the file's end) is lost. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("zipContainers")
    void zipContainerMissingOnlyItsCentralDirectoryIsCutShort(String name, byte[] bytes) throws Exception {
        assertCutShort(read(name, Damage.withoutLast(bytes, 30)), "ZIP central directory");
    }

    @Test
    void tarCutBetweenEntriesIsCutShort() throws Exception {
        byte[] tar = FormatSamples.tar(members());
        int firstEntry = 512 + (members().get("a/first.txt").length + 511) / 512 * 512;

        assertCutShort(read("bundle.tar", java.util.Arrays.copyOf(tar, firstEntry)), "end-of-archive marker");
    }

    @Test
    void tarWithAShortLastBlockIsCutShort() throws Exception {
        assertCutShort(read("bundle.tar", Damage.withoutLast(FormatSamples.tar(members()), 100)), "512-byte block");
    }

    @Test
    void sevenZipCutShortAndWhole() throws Exception {
        Path whole = tmp.resolve("bundle.7z");
        FormatSamples.sevenZip(whole, members());
        byte[] bytes = Files.readAllBytes(whole);

        assertReadWhole(extractor.extract(whole, "bundle.7z"));
        assertCutShort(read("cut.7z", Damage.cut(bytes, 0.6)), "7z header");
    }

    /** A real Word 97–2003 document of the shared corpus; skipped when the corpus is absent. */
    @Test
    @Slow
    void wordDocumentCutShortAndWhole() throws Exception {
        Path doc = Path.of("../shared/corpus/clean/cn-oa-templates/dispatch-fawen-template.doc");
        assumeTrue(Files.isRegularFile(doc), "no corpus at " + doc);
        byte[] bytes = Files.readAllBytes(doc);

        assertThat(extractor.extract(doc, "template.doc").coverage().problems()).isEmpty();
        assertCutShort(read("template.doc", Damage.cut(bytes, 0.6)), "OLE2");
        assertCutShort(read("template.doc", Damage.cut(bytes, 0.95)), "OLE2");
    }
}
