package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Block.Cell;
import org.osr.extract.Block.Kind;
import org.osr.testkit.RotatedPdf;
import org.osr.testkit.SampleDocuments;
import org.osr.testkit.RotatedPdf.Note;
import org.osr.testkit.RotatedPdf.Setting;

/**
 * The blocks Tika-read documents come in: headings, list items and table cells with their row, grid column and
 * header flag (HTML, XLSX), slides and sheets as pages, and PDF lines placed on the page with their direction.
 * Every block's offsets cut exactly its text out of the part.
 */
class BlockLayoutTest {
    @TempDir
    Path tmp;

    /** A block as a reader sees it: its text (cut from the part by its offsets), kind, page and cell. */
    private record Seen(String text, Kind kind, int page, Cell cell) {
    }

    private Part body(String name, byte[] content) throws Exception {
        Path file = tmp.resolve(name);
        Files.write(file, content);
        Document doc = new TikaExtractor().extract(file, name);
        return doc.parts().stream().filter(p -> p.kind() == PartKind.BODY).findFirst().orElseThrow();
    }

    private static List<Seen> seen(Part part) {
        return part.blocks().stream().map(b -> new Seen(part.text().substring(b.start(), b.end()), b.kind(),
                b.page(), b.cell())).toList();
    }

    private static void assertInOrderWithoutOverlap(Part part) {
        int end = 0;
        for (Block b : part.blocks()) {
            assertThat(b.start()).as("block %s starts after the one before", b).isGreaterThanOrEqualTo(end);
            String text = part.text().substring(b.start(), b.end());
            assertThat(text).as("block %s is trimmed", b).isEqualTo(text.strip()).isNotEmpty();
            end = b.end();
        }
    }

    @Test
    void htmlTableCellsKnowTheirRowColumnAndHeader() throws Exception {
        String html = """
                <html><head><meta charset="utf-8"><title>t</title></head><body>
                <h2>发文登记</h2>
                <p>说明文字</p>
                <table>
                  <thead><tr><th colspan="2">项目</th><th>备注</th></tr></thead>
                  <tr><td>密级</td><td><p>机密</p><p>★5年</p></td><td>无</td></tr>
                  <tr><td colspan="2">合并单元格</td><td>末列</td></tr>
                  <tr><td rowspan="2">跨两行</td><td>b</td><td>c</td></tr>
                  <tr><td>e</td><td>f</td></tr>
                </table>
                <ul><li>第一项</li><li><p>第二项</p></li></ul>
                </body></html>""";
        Part body = body("form.html", html.getBytes(StandardCharsets.UTF_8));
        assertInOrderWithoutOverlap(body);
        assertThat(seen(body)).containsExactly(
                new Seen("发文登记", Kind.HEADING, 0, null),
                new Seen("说明文字", Kind.PARAGRAPH, 0, null),
                new Seen("项目", Kind.CELL, 0, new Cell(0, 0, 0, true)),
                new Seen("备注", Kind.CELL, 0, new Cell(0, 0, 2, true)),
                new Seen("密级", Kind.CELL, 0, new Cell(0, 1, 0, false)),
                new Seen("机密\n★5年", Kind.CELL, 0, new Cell(0, 1, 1, false)),
                new Seen("无", Kind.CELL, 0, new Cell(0, 1, 2, false)),
                new Seen("合并单元格", Kind.CELL, 0, new Cell(0, 2, 0, false)),
                new Seen("末列", Kind.CELL, 0, new Cell(0, 2, 2, false)),
                new Seen("跨两行", Kind.CELL, 0, new Cell(0, 3, 0, false)),
                new Seen("b", Kind.CELL, 0, new Cell(0, 3, 1, false)),
                new Seen("c", Kind.CELL, 0, new Cell(0, 3, 2, false)),
                new Seen("e", Kind.CELL, 0, new Cell(0, 4, 1, false)),
                new Seen("f", Kind.CELL, 0, new Cell(0, 4, 2, false)),
                new Seen("第一项", Kind.LIST_ITEM, 0, null),
                new Seen("第二项", Kind.LIST_ITEM, 0, null));
    }

    @Test
    void aNestedTableIsNumberedApartAndItsCellsAreNotSwallowed() throws Exception {
        String html = """
                <html><head><meta charset="utf-8"></head><body>
                <table><tr><td>外</td><td>前文<table><tr><td>内一</td><td>内二</td></tr></table></td></tr></table>
                <table><tr><th>后表</th></tr></table>
                </body></html>""";
        Part body = body("nested.html", html.getBytes(StandardCharsets.UTF_8));
        assertInOrderWithoutOverlap(body);
        assertThat(seen(body)).containsExactly(
                new Seen("外", Kind.CELL, 0, new Cell(0, 0, 0, false)),
                new Seen("前文", Kind.CELL, 0, new Cell(0, 0, 1, false)),
                new Seen("内一", Kind.CELL, 0, new Cell(1, 0, 0, false)),
                new Seen("内二", Kind.CELL, 0, new Cell(1, 0, 1, false)),
                new Seen("后表", Kind.CELL, 0, new Cell(2, 0, 0, true)));
    }

    @Test
    void plainTextHasNoBlocksSoEachLineIsAParagraph() throws Exception {
        Part body = body("note.txt", "机密★5年\n\n关于工作的通知\n".getBytes(StandardCharsets.UTF_8));
        assertThat(body.blocks()).isEmpty();
        assertThat(body.layout()).extracting(b -> body.text().substring(b.start(), b.end()))
                .containsExactly("机密★5年", "关于工作的通知");
    }

    @Test
    void markdownReadAsTextIsLinesTooNotOneParagraph() throws Exception {
        Part body = body("record.md", "# Record\n\n## Page 1\n\nSECRET\n\nThe station reported.\n"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(body.blocks()).isEmpty();
        assertThat(body.layout()).extracting(b -> body.text().substring(b.start(), b.end()))
                .containsExactly("# Record", "## Page 1", "SECRET", "The station reported.");
    }

    @Test
    void eachSheetOfAWorkbookIsAPageWithItsCells() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var first = book.createSheet("登记表").createRow(0);
            first.createCell(0).setCellValue("密级");
            first.createCell(1).setCellValue("机密");
            var second = book.createSheet("附表").createRow(1);
            second.createCell(0).setCellValue("编号");
            book.write(out);
        }
        Part body = body("book.xlsx", out.toByteArray());
        assertInOrderWithoutOverlap(body);
        assertThat(seen(body)).containsExactly(
                new Seen("登记表", Kind.HEADING, 1, null),
                new Seen("密级", Kind.CELL, 1, new Cell(0, 0, 0, false)),
                new Seen("机密", Kind.CELL, 1, new Cell(0, 0, 1, false)),
                new Seen("附表", Kind.HEADING, 2, null),
                new Seen("编号", Kind.CELL, 2, new Cell(1, 0, 0, false)));
    }

    @Test
    void eachSlideIsAPage() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XMLSlideShow show = new XMLSlideShow()) {
            show.createSlide().createTextBox().setText("秘密★1年");
            show.createSlide().createTextBox().setText("第二页内容");
            show.write(out);
        }
        Part body = body("talk.pptx", out.toByteArray());
        assertInOrderWithoutOverlap(body);
        assertThat(body.text()).doesNotContain("\f");
        assertThat(seen(body)).containsExactly(
                new Seen("秘密★1年", Kind.PARAGRAPH, 1, null),
                new Seen("第二页内容", Kind.PARAGRAPH, 2, null));
    }

    @Test
    void pdfLinesAreBoxedWhereTheyAreDrawn() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text(cs, 400, 800, "SECRET top right " + (p + 1));
                    text(cs, 72, 420, "A line in the middle of the page");
                    text(cs, 72, 40, "Footer at the bottom");
                }
            }
            doc.save(out);
        }
        Part body = body("placed.pdf", out.toByteArray());
        assertInOrderWithoutOverlap(body);
        assertThat(seen(body)).extracting(Seen::text, Seen::kind, Seen::page).containsExactly(
                org.assertj.core.groups.Tuple.tuple("SECRET top right 1", Kind.LINE, 1),
                org.assertj.core.groups.Tuple.tuple("A line in the middle of the page", Kind.LINE, 1),
                org.assertj.core.groups.Tuple.tuple("Footer at the bottom", Kind.LINE, 1),
                org.assertj.core.groups.Tuple.tuple("SECRET top right 2", Kind.LINE, 2),
                org.assertj.core.groups.Tuple.tuple("A line in the middle of the page", Kind.LINE, 2),
                org.assertj.core.groups.Tuple.tuple("Footer at the bottom", Kind.LINE, 2));
        for (int p = 0; p < 2; p++) {
            Block.Box top = body.blocks().get(3 * p).box();
            assertThat(top.left()).isGreaterThan(0.5);
            assertThat(top.top()).isLessThan(0.2);
            assertThat(top.rotation()).isZero();
            Block.Box middle = body.blocks().get(3 * p + 1).box();
            assertThat(middle.left()).isBetween(0.1, 0.15);
            assertThat(middle.top()).isBetween(0.45, 0.5);
            Block.Box bottom = body.blocks().get(3 * p + 2).box();
            assertThat(bottom.bottom()).isGreaterThan(0.85);
        }
    }

    @Test
    void aPageOfRunningProseIsNotPlacedButAPageStartingWithAShortLineIs() throws Exception {
        List<List<String>> pages = List.of(
                List.of("Opening page of the report, first line", "and the opening page goes on here"),
                List.of("continuing the running prose of the report", "still running prose, ending mid sentence"),
                List.of("Annex 1", "the annex explains the details at length"),
                List.of("and the closing page of the report begins", "the closing page ends the whole report"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            for (List<String> lines : pages) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    text(cs, 72, 700, lines.get(0));
                    text(cs, 72, 680, lines.get(1));
                }
            }
            doc.save(out);
        }
        Part body = body("prose.pdf", out.toByteArray());
        assertInOrderWithoutOverlap(body);
        assertThat(body.blocks()).hasSize(8);
        for (Block b : body.blocks()) {
            assertThat(b.kind()).isEqualTo(Kind.LINE);
            assertThat(body.text().substring(b.start(), b.end())).isEqualTo(pages.get(b.page() - 1)
                    .get(body.blocks().indexOf(b) % 2));
            assertThat(b.box() != null).as("page %d placed", b.page()).isEqualTo(b.page() != 2);
        }
    }

    @Test
    void tableCellsOnOneBaselineAreLinesOfTheirOwnButWordsAndProseAreNot() throws Exception {
        String prose = "各单位要认真组织实施，确保各项要求落实到位。";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType0Font cjk = PDType0Font.load(doc, new java.io.File(SampleDocuments.DEFAULT_FONT));
            PDType0Font latin = PDType0Font.load(doc, new java.io.File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                // in reading order: Tika does not sort by position
                cs.setFont(cjk, 12);
                text(cs, 80, 760, "收文登记");
                text(cs, 80, 700, "密级");
                text(cs, 200, 700, "份数");
                text(cs, 80, 680, "机密");
                cs.setFont(latin, 12);
                text(cs, 200, 680, "2");
                cs.setFont(cjk, 12);
                text(cs, 80, 640, "绝");
                text(cs, 116, 640, "密");   // letter-spaced, two em apart
                cs.setFont(latin, 12);
                text(cs, 80, 600, "The committee will meet again on Monday morning.");
                cs.setFont(cjk, 12);
                text(cs, 80, 560, prose);
            }
            doc.save(out);
        }
        Part body = body("register.pdf", out.toByteArray());
        assertInOrderWithoutOverlap(body);
        assertThat(body.text()).contains("密级 份数\n机密 2\n");
        assertThat(seen(body)).extracting(Seen::text).containsExactly("收文登记", "密级", "份数", "机密", "2", "绝 密",
                "The committee will meet again on Monday morning.", prose);
        assertThat(body.blocks()).allMatch(b -> b.kind() == Kind.LINE && b.page() == 1 && b.box() != null);
        Block.Box level = lineBox(body, "密级");
        Block.Box copies = lineBox(body, "份数");
        Block.Box secret = lineBox(body, "机密");
        Block.Box two = lineBox(body, "2");
        assertThat(secret.left()).isLessThan(level.right());
        assertThat(secret.right()).isGreaterThan(level.left()).isLessThan(copies.left());
        assertThat(two.left()).isLessThan(copies.right());
        assertThat(two.right()).isGreaterThan(copies.left());
        assertThat(level.bottom()).isLessThanOrEqualTo(secret.top() + 0.01);
        assertThat(level.right()).isLessThan(copies.left());
        assertThat(Math.abs(level.top() - copies.top())).isLessThan(0.005);
    }

    private static Block.Box lineBox(Part body, String text) {
        return body.blocks().stream().filter(b -> body.text().substring(b.start(), b.end()).equals(text))
                .findFirst().orElseThrow().box();
    }

    private static void text(PDPageContentStream cs, float x, float y, String text) throws java.io.IOException {
        cs.beginText();
        cs.newLineAtOffset(x, y);
        cs.showText(text);
        cs.endText();
    }

    @Test
    void aMarkingTurnedAlongTheLeftMarginIsOneTurnedLineInTheMargin() throws Exception {
        for (Setting setting : List.of(Setting.ROTATED_90, Setting.ROTATED_270)) {
            byte[] pdf = RotatedPdf.pages(List.of(List.of("滨江区人民政府", "关于做好防汛工作的通知")),
                    new Note("机密★5年", setting, 1));
            Part body = body("turned-" + setting + ".pdf", pdf);
            assertInOrderWithoutOverlap(body);
            Block mark = marking(body);
            assertThat(mark.kind()).isEqualTo(Kind.LINE);
            assertThat(mark.box()).as(setting.toString()).isNotNull();
            assertThat(mark.box().rotation()).as(setting.toString()).isIn(90, 270);
            assertThat(mark.box().right()).as(setting.toString()).isLessThan(0.15);
            assertThat(mark.box().bottom() - mark.box().top()).isGreaterThan(mark.box().right() - mark.box().left());
            Block title = body.blocks().get(body.blocks().indexOf(mark) == 0 ? 1 : 0);
            assertThat(title.box().rotation()).isZero();
            assertThat(title.box().left()).isGreaterThan(0.1);
        }
    }

    private static Block marking(Part body) {
        return body.blocks().stream().filter(b -> body.text().substring(b.start(), b.end()).equals("机密★5年"))
                .findFirst().orElseThrow();
    }

    @Test
    void verticalCjkInTheMarginIsOneLineRunningDown() throws Exception {
        byte[] pdf = RotatedPdf.pages(List.of(List.of("滨江区人民政府", "关于做好防汛工作的通知")),
                new Note("机密★5年", Setting.VERTICAL, 1));
        Part body = body("vertical.pdf", pdf);
        Block mark = marking(body);
        assertThat(mark.box()).isNotNull();
        assertThat(mark.box().rotation()).isEqualTo(90);
        assertThat(mark.box().right()).isLessThan(0.15);
    }
}
