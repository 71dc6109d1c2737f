package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRunTrackChange;
import org.osr.testkit.Slow;

class DocxStructureReaderTest {
    private static final String NS = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
            + " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\""
            + " xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\""
            + " xmlns:v=\"urn:schemas-microsoft-com:vml\"";
    private static final Path SAMPLE =
            Path.of("../shared/corpus/clean/cn-gongwen-samples/gbt9704-example-latest.docx");

    @TempDir
    Path tmp;

    @Test
    void labelsEveryLayerOfAPoiDocument() throws IOException {
        Path file;
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFHeader header = doc.createHeader(HeaderFooterType.DEFAULT);
            header.createParagraph().createRun().setText("机密★5年");
            XWPFRun headerHidden = header.createParagraph().createRun();
            headerHidden.setText("页眉隐藏");
            headerHidden.setVanish(true);
            doc.createFooter(HeaderFooterType.DEFAULT).createParagraph().createRun().setText("内部资料 注意保存");

            XWPFParagraph first = doc.createParagraph();
            first.createRun().setText("正文开头");
            XWPFRun hidden = first.createRun();
            hidden.setText("秘密★1年");
            hidden.setVanish(true);
            first.createRun().setText("正文结尾");

            XWPFParagraph tracked = doc.createParagraph();
            tracked.createRun().setText("保留文字");
            CTRunTrackChange del = tracked.getCTP().addNewDel();
            del.setAuthor("审稿人");
            del.setDate(Calendar.getInstance());
            del.setId(BigInteger.ONE);
            del.addNewR().addNewDelText().setStringValue("绝密★长期");
            CTRunTrackChange ins = tracked.getCTP().addNewIns();
            ins.setAuthor("审稿人");
            ins.setDate(Calendar.getInstance());
            ins.setId(BigInteger.TWO);
            ins.addNewR().addNewT().setStringValue("新增文字");

            XWPFParagraph fullyDeleted = doc.createParagraph();
            CTRunTrackChange del2 = fullyDeleted.getCTP().addNewDel();
            del2.setAuthor("审稿人");
            del2.setDate(Calendar.getInstance());
            del2.setId(BigInteger.valueOf(3));
            del2.addNewR().addNewDelText().setStringValue("整段删除");

            XWPFTable table = doc.createTable(2, 2);
            table.getRow(0).getCell(0).setText("甲");
            table.getRow(0).getCell(1).setText("乙");
            table.getRow(1).getCell(0).setText("丙");
            table.getRow(1).getCell(1).setText("丁");

            XWPFFootnote footnote = doc.createFootnote();
            footnote.createParagraph().createRun().setText("脚注：内部文件");
            doc.createParagraph().createRun().getCTR().addNewFootnoteReference().setId(footnote.getId());

            XWPFComment comment = doc.createComments().createComment(BigInteger.ZERO);
            comment.setAuthor("审稿人");
            comment.createParagraph().createRun().setText("批注：请删去密级");

            file = tmp.resolve("poi.docx");
            try (OutputStream out = Files.newOutputStream(file)) {
                doc.write(out);
            }
        }

        List<Part> parts = DocxStructureReader.read(file);

        assertThat(parts).extracting(Part::kind, Part::source).containsExactly(
                tuple(PartKind.HEADER, "word/header1.xml"),
                tuple(PartKind.HIDDEN, "word/header1.xml"),
                tuple(PartKind.BODY, "word/document.xml"),
                tuple(PartKind.HIDDEN, "word/document.xml"),
                tuple(PartKind.DELETED, "word/document.xml"),
                tuple(PartKind.FOOTNOTE, "word/footnotes.xml"),
                tuple(PartKind.FOOTER, "word/footer1.xml"),
                tuple(PartKind.COMMENT, "word/comments.xml"));
        assertThat(part(parts, PartKind.HEADER, "word/header1.xml")).isEqualTo("机密★5年");
        assertThat(part(parts, PartKind.HIDDEN, "word/header1.xml")).isEqualTo("页眉隐藏");
        assertThat(part(parts, PartKind.FOOTER, "word/footer1.xml")).isEqualTo("内部资料 注意保存");
        assertThat(part(parts, PartKind.DELETED, "word/document.xml")).isEqualTo("绝密★长期\n整段删除");
        assertThat(part(parts, PartKind.FOOTNOTE, "word/footnotes.xml")).isEqualTo("脚注：内部文件");
        assertThat(part(parts, PartKind.COMMENT, "word/comments.xml")).isEqualTo("批注：请删去密级");
        assertThat(parts).allSatisfy(p -> assertThat(p.paged()).isFalse());

        String body = part(parts, PartKind.BODY, "word/document.xml");
        assertThat(body.split("\n", -1)).containsExactly(
                "正文开头正文结尾", "保留文字新增文字", "甲", "乙", "丙", "丁");
        assertThat(part(parts, PartKind.HIDDEN, "word/document.xml")).isEqualTo("秘密★1年");
        assertThat(body).doesNotContain("秘密", "绝密", "整段删除", "机密", "内部资料", "脚注", "批注");
    }

    @Test
    void bodyHiddenRunIsItsOwnPartWithLineStructure() throws IOException {
        Path file = docx(Map.of("word/document.xml", document(
                "<w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>秘密</w:t></w:r></w:p>"
                        + "<w:p><w:r><w:t>无隐藏</w:t></w:r></w:p>"
                        + "<w:p><w:r><w:rPr><w:b/><w:vanish w:val=\"true\"/></w:rPr><w:t>第二处</w:t></w:r></w:p>")));

        List<Part> parts = DocxStructureReader.read(file);

        assertThat(textOnly(parts)).containsExactly(
                Part.of(PartKind.BODY, "第一行\n无隐藏", "word/document.xml"),
                Part.of(PartKind.HIDDEN, "秘密\n第二处", "word/document.xml"));
    }

    @Test
    void runLevelMarkupDetails() throws IOException {
        String body = ""
                // paragraph-mark vanish and tab stops are properties, not hidden text or tabs
                + "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs><w:rPr><w:vanish/></w:rPr></w:pPr>"
                + "<w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/><w:t>C</w:t><w:cr/><w:t xml:space=\"preserve\">D </w:t>"
                + "<w:noBreakHyphen/><w:t>E</w:t></w:r></w:p>"
                // explicit off values, and an old (rPrChange) vanish, keep text visible
                + "<w:p><w:r><w:rPr><w:vanish w:val=\"false\"/></w:rPr><w:t>v1</w:t></w:r>"
                + "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>v2</w:t></w:r>"
                + "<w:r><w:rPr><w:rPrChange w:id=\"9\" w:author=\"x\"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>"
                + "<w:t>v3</w:t></w:r></w:p>"
                + "<w:p><w:r><w:rPr><w:specVanish/></w:rPr><w:t>特殊隐藏</w:t></w:r></w:p>"
                // field instruction is skipped, field result kept
                + "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                + "<w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"http://secret.example\" </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>链接</w:t></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + "<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delInstrText>PAGE</w:delInstrText></w:r></w:del></w:p>"
                // moves: the source is deleted text, the destination visible; deletion wins over hidden
                + "<w:p><w:moveFrom w:id=\"2\" w:author=\"x\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
                + "<w:moveTo w:id=\"3\" w:author=\"x\"><w:r><w:t>移来</w:t></w:r></w:moveTo>"
                + "<w:del w:id=\"4\" w:author=\"x\"><w:r><w:rPr><w:vanish/></w:rPr>"
                + "<w:delText>删且隐</w:delText></w:r></w:del>"
                + "<w:ins w:id=\"5\" w:author=\"x\"><w:r><w:rPr><w:vanish/></w:rPr><w:t>插且隐</w:t></w:r></w:ins></w:p>"
                + "<w:p/>";
        List<Part> parts = DocxStructureReader.read(docx(Map.of("word/document.xml", document(body))));

        assertThat(textOnly(parts)).containsExactly(
                Part.of(PartKind.BODY, "A\tB\nC\nD -E\nv1v2v3\n链接\n移来", "word/document.xml"),
                Part.of(PartKind.HIDDEN, "特殊隐藏\n插且隐", "word/document.xml"),
                Part.of(PartKind.DELETED, "移走删且隐", "word/document.xml"));
    }

    @Test
    void textBoxIsReadOnceFromTheChoiceBranchAsItsOwnShapePart() throws IOException {
        String textBox = "<w:txbxContent><w:p><w:r><w:t>文本框机密</w:t></w:r></w:p></w:txbxContent>";
        String body = "<w:p><w:r><w:t>锚点</w:t></w:r><w:r><mc:AlternateContent>"
                + "<mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>" + textBox + "</wps:txbx></wps:wsp>"
                + "</w:drawing></mc:Choice>"
                + "<mc:Fallback><w:pict><v:shape><v:textbox>" + textBox + "</v:textbox></v:shape></w:pict>"
                + "</mc:Fallback>"
                + "</mc:AlternateContent></w:r><w:r><w:t>之后</w:t></w:r></w:p>"
                // legacy VML text box without AlternateContent
                + "<w:p><w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>旧式文本框</w:t></w:r></w:p>"
                + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r></w:p>";

        List<Part> parts = DocxStructureReader.read(docx(Map.of("word/document.xml", document(body))));

        // each text box is a shape part of its own, not text at its anchor
        assertThat(textOnly(parts)).containsExactly(
                Part.of(PartKind.BODY, "锚点之后", "word/document.xml"),
                Part.of(PartKind.SHAPE, "文本框机密", "word/document.xml"),
                Part.of(PartKind.SHAPE, "旧式文本框", "word/document.xml"));
    }

    @Test
    void symbolCharactersReadAsWhatTheyShow() throws IOException {
        String body = "<w:p><w:r><w:t>机密</w:t></w:r><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0AB\"/></w:r>"
                + "<w:r><w:t>5年</w:t></w:r></w:p>"
                // w:sym in an ordinary font holds Unicode; a run in Wingdings may hold the private-use form
                + "<w:p><w:r><w:sym w:font=\"宋体\" w:char=\"2605\"/></w:r><w:r><w:rPr>"
                + "<w:rFonts w:ascii=\"Wingdings\" w:hAnsi=\"Wingdings\" w:eastAsia=\"宋体\"/></w:rPr>"
                + "<w:t>\uF0AB\uF0FE</w:t></w:r><w:r><w:sym w:font=\"Symbol\" w:char=\"61\"/></w:r></w:p>";

        DocxStructureReader.Content content =
                DocxStructureReader.readContent(docx(Map.of("word/document.xml", document(body))));

        assertThat(textOnly(content.parts())).containsExactly(
                Part.of(PartKind.BODY, "机密★5年\n★★\uD83D\uDDF9α", "word/document.xml"));
        assertThat(content.problems()).isEmpty();
    }

    @Test
    void moreThanATraceOfUndecodableGlyphsIsAProblemOfTheirFile() throws IOException {
        String trace = "<w:p><w:r><w:sym w:font=\"Wingdings 3\" w:char=\"F070\"/></w:r><w:r><w:t>\uF0A0\uF0A1</w:t>"
                + "</w:r></w:p>";
        String more = "<w:p><w:r><w:rPr><w:rFonts w:ascii=\"Wingdings 3\"/></w:rPr><w:t>pqrs</w:t></w:r></w:p>";

        DocxStructureReader.Content clean =
                DocxStructureReader.readContent(docx(Map.of("word/document.xml", document(trace))));
        DocxStructureReader.Content unread =
                DocxStructureReader.readContent(docx(Map.of("word/document.xml", document(more))));

        assertThat(clean.parts()).extracting(Part::text).containsExactly("\uFFFD\uFFFD\uFFFD");
        assertThat(clean.problems()).isEmpty();
        assertThat(unread.problems()).extracting(Problem::code).containsExactly(Problem.UNDECODABLE_TEXT);
        assertThat(unread.problems().get(0).message()).startsWith("word/document.xml: 4 characters");
    }

    @Test
    void resolvesPartsThroughRelationshipsAndStillFindsOrphans() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("_rels/.rels", rels("officeDocument", "/word/main.xml"));
        entries.put("word/main.xml", document("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"));
        entries.put("word/_rels/main.xml.rels", rels("header", "hdr-a.xml").replace("</Relationships>",
                relationship("rId2", "footer", "../word/ftr.xml") + relationship("rId3", "footnotes", "notes.xml")
                        + relationship("rId4", "hyperlink", "http://example.org/x\" TargetMode=\"External")
                        + "</Relationships>"));
        entries.put("word/hdr-a.xml", headerXml("hdr", "页眉甲"));
        entries.put("word/ftr.xml", headerXml("ftr", "页脚甲"));
        entries.put("word/header10.xml", headerXml("hdr", "孤立页眉十"));
        entries.put("word/header2.xml", headerXml("hdr", "孤立页眉二"));
        entries.put("word/notes.xml", "<w:footnotes " + NS + ">"
                + "<w:footnote w:type=\"separator\" w:id=\"-1\">"
                + "<w:p><w:r><w:separator/><w:t>SEP</w:t></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\">"
                + "<w:p><w:r><w:t>CONT</w:t></w:r></w:p></w:footnote>"
                + "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>注一</w:t></w:r></w:p></w:footnote>"
                + "<w:footnote w:type=\"normal\" w:id=\"2\"><w:p><w:r><w:t>注二</w:t></w:r></w:p></w:footnote>"
                + "</w:footnotes>");
        entries.put("word/endnotes.xml", "<w:endnotes " + NS + "><w:endnote w:id=\"1\"><w:p><w:del w:id=\"7\" "
                + "w:author=\"x\"><w:r><w:delText>尾注删除</w:delText></w:r></w:del></w:p></w:endnote></w:endnotes>");

        List<Part> parts = DocxStructureReader.read(docx(entries));

        assertThat(textOnly(parts)).containsExactly(
                Part.of(PartKind.HEADER, "页眉甲", "word/hdr-a.xml"),
                Part.of(PartKind.HEADER, "孤立页眉二", "word/header2.xml"),
                Part.of(PartKind.HEADER, "孤立页眉十", "word/header10.xml"),
                Part.of(PartKind.BODY, "正文", "word/main.xml"),
                Part.of(PartKind.FOOTNOTE, "注一\n注二", "word/notes.xml"),
                Part.of(PartKind.DELETED, "尾注删除", "word/endnotes.xml"),
                Part.of(PartKind.FOOTER, "页脚甲", "word/ftr.xml"));
    }

    @Test
    void externalEntityIsNeverResolved() throws IOException {
        Path secretFile = Path.of("/etc/hostname");
        String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
                + "<w:document " + NS + "><w:body><w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p>"
                + "</w:body></w:document>";
        Path file = docx(Map.of("word/document.xml", doc));

        assertThatThrownBy(() -> DocxStructureReader.read(file))
                .isInstanceOf(DocxFormatException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> {
                    if (Files.exists(secretFile) && !Files.readString(secretFile).isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(Files.readString(secretFile).strip());
                    }
                });
    }

    @Test
    void externalDtdInRelationshipsIsRejectedWithoutFetching() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("_rels/.rels", "<?xml version=\"1.0\"?><!DOCTYPE r SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + rels("officeDocument", "word/document.xml").replaceFirst("<\\?xml[^>]*>", ""));
        entries.put("word/document.xml", document("<w:p><w:r><w:t>x</w:t></w:r></w:p>"));

        assertThatThrownBy(() -> DocxStructureReader.read(docx(entries)))
                .isInstanceOf(DocxFormatException.class)
                .hasMessageContaining("_rels/.rels");
    }

    @Test
    void nonZipIsAnIOException() throws IOException {
        Path text = Files.writeString(tmp.resolve("fake.docx"), "this is not a zip file");
        Path empty = Files.write(tmp.resolve("empty.docx"), new byte[0]);

        assertThatThrownBy(() -> DocxStructureReader.read(text)).isInstanceOf(DocxFormatException.class);
        assertThatThrownBy(() -> DocxStructureReader.read(empty)).isInstanceOf(DocxFormatException.class);
    }

    @Test
    void zipWithoutDocumentIsAnIOException() throws IOException {
        Path file = docx(Map.of("hello.txt", "hi"));

        assertThatThrownBy(() -> DocxStructureReader.read(file))
                .isInstanceOf(DocxFormatException.class)
                .hasMessageContaining("main part");
    }

    @Test
    void malformedXmlIsAnIOException() throws IOException {
        Path file = docx(Map.of("word/document.xml", "<w:document " + NS + "><w:body><w:p>"));

        assertThatThrownBy(() -> DocxStructureReader.read(file))
                .isInstanceOf(DocxFormatException.class)
                .hasMessageContaining("word/document.xml");
    }

    @Test
    void entryAboveTheCapIsRejected() throws IOException {
        String big = document("<w:p><w:r><w:t>" + "秘".repeat(5_000) + "</w:t></w:r></w:p>");
        Path file = docx(Map.of("word/document.xml", big));

        assertThat(DocxStructureReader.read(file, 100_000)).hasSize(1);
        assertThatThrownBy(() -> DocxStructureReader.read(file, 1_000))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("word/document.xml")
                .hasMessageContaining("exceeds")
                .hasMessageContaining("1000 bytes");
    }

    @Test
    void capIsCountedWhileReadingEvenWhenTheDeclaredSizeLies() throws IOException {
        String big = document("<w:p><w:r><w:t>" + "a".repeat(50_000) + "</w:t></w:r></w:p>");
        byte[] zip = zipBytes(Map.of("word/document.xml", big));
        declareTinyUncompressedSizes(zip);
        Path file = Files.write(tmp.resolve("lying.docx"), zip);
        // ZipFile does not check the declared size, so only counting while reading can catch the overflow
        assertThat(DocxStructureReader.read(file, 1_000_000)).extracting(p -> p.text().length())
                .containsExactly(50_000);

        assertThatThrownBy(() -> DocxStructureReader.read(file, 10_000))
                .isInstanceOf(DocxFormatException.class)
                .hasMessageContaining("exceeds the limit of 10000 bytes");
    }

    @Slow
    @Test
    void realGongwenSample() throws IOException {
        Assumptions.assumeTrue(Files.exists(SAMPLE), "sample corpus not present");

        List<Part> parts = DocxStructureReader.read(SAMPLE);

        String body = parts.stream().filter(p -> p.kind() == PartKind.BODY).map(Part::text)
                .collect(Collectors.joining("\n"));
        assertThat(body).isNotBlank();
        assertThat(body.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .isTrue();
        assertThat(parts).allSatisfy(p -> assertThat(p.text()).isNotBlank());
    }

    // ---- helpers ----

    private static String part(List<Part> parts, PartKind kind, String source) {
        List<String> texts = parts.stream().filter(p -> p.kind() == kind && source.equals(p.source()))
                .map(Part::text).toList();
        assertThat(texts).as("%s part of %s", kind, source).hasSize(1);
        return texts.get(0);
    }

    private static String document(String bodyXml) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " + NS + "><w:body>"
                + bodyXml + "</w:body></w:document>";
    }

    private static String headerXml(String root, String text) {
        return "<w:" + root + " " + NS + "><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:" + root + ">";
    }

    private static String rels(String type, String target) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + relationship("rId1", type, target) + "</Relationships>";
    }

    private static String relationship(String id, String type, String target) {
        return "<Relationship Id=\"" + id + "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/" + type + "\" Target=\"" + target + "\"/>";
    }

    private Path docx(Map<String, String> entries) throws IOException {
        return Files.write(Files.createTempFile(tmp, "hand", ".docx"), zipBytes(entries));
    }

    private static byte[] zipBytes(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Rewrites every central-directory record to claim 1 byte uncompressed, as a crafted zip bomb would. */
    private static void declareTinyUncompressedSizes(byte[] zip) {
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4b && zip[i + 2] == 0x01 && zip[i + 3] == 0x02) {
                zip[i + 24] = 1;
                zip[i + 25] = 0;
                zip[i + 26] = 0;
                zip[i + 27] = 0;
            }
        }
    }

    /** The parts without their blocks (DocxBlocksTest checks those), to compare with parts made of text alone. */
    private static List<Part> textOnly(List<Part> parts) {
        return parts.stream().map(p -> p.withBlocks(List.of())).toList();
    }
}
