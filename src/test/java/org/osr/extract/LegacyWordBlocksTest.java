package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.LegacyWord;
import org.osr.testkit.Slow;

/**
 * A legacy Word file's body is made of blocks as Word lays it out: a drafting form's 密级 cell and the level beside
 * it are cells of one row, a heading is a heading, and a page break starts page 2. The .doc is converted from a
 * generated DOCX by LibreOffice; the test skips where it is not installed.
 */
@Slow
class LegacyWordBlocksTest {
    @TempDir
    static Path tmp;
    private static Part body;

    @BeforeAll
    static void convert() throws Exception {
        assumeTrue(LegacyWord.available(), "LibreOffice (soffice) is not installed");
        Path doc = LegacyWord.convert(tmp, Map.of("form", form())).get("form");
        body = LegacyWordReader.read(doc).parts().stream().filter(p -> p.kind() == PartKind.BODY).findFirst()
                .orElseThrow();
    }

    private static byte[] form() throws Exception {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph heading = docx.createParagraph();
            heading.getCTP().addNewPPr().addNewOutlineLvl().setVal(java.math.BigInteger.ZERO);
            heading.createRun().setText("一、发文稿纸");
            XWPFTable table = docx.createTable(2, 2);
            table.getRow(0).getCell(0).setText("密级");
            table.getRow(0).getCell(1).setText("机密");
            table.getRow(1).getCell(0).setText("保密期限");
            table.getRow(1).getCell(1).setText("五年");
            docx.createParagraph().createRun().setText("各镇人民政府：");
            XWPFParagraph next = docx.createParagraph();
            next.createRun().addBreak(BreakType.PAGE);
            next.createRun().setText("附件");
            docx.createParagraph().createRun().setText("秘密");
            XWPFTable register = docx.createTable(2, 2);
            register.getRow(0).setRepeatHeader(true);
            register.getRow(0).getCell(0).setText("序号");
            register.getRow(0).getCell(1).setText("文件名称");
            register.getRow(1).getCell(0).setText("1");
            register.getRow(1).getCell(1).setText("防汛通知");
            docx.write(out);
            return out.toByteArray();
        }
    }

    private static Block blockOf(String text) {
        return body.blocks().stream().filter(b -> body.text().substring(b.start(), b.end()).equals(text))
                .findFirst().orElseThrow(() -> new AssertionError("no block reads " + text + " in " + body.text()
                        + body.blocks()));
    }

    @Test
    void theCellsOfAFormAreCellsWithTheirRowAndColumn() {
        assertThat(blockOf("密级").cell()).isEqualTo(new Block.Cell(0, 0, 0, false));
        assertThat(blockOf("机密").cell()).isEqualTo(new Block.Cell(0, 0, 1, false));
        assertThat(blockOf("机密").kind()).isEqualTo(Block.Kind.CELL);
        assertThat(blockOf("五年").cell()).isEqualTo(new Block.Cell(0, 1, 1, false));
    }

    @Test
    void aSecondTableHasItsOwnNumberAndItsRepeatedHeaderRowIsAHeader() {
        assertThat(blockOf("文件名称").cell()).isEqualTo(new Block.Cell(1, 0, 1, true));
        assertThat(blockOf("防汛通知").cell()).isEqualTo(new Block.Cell(1, 1, 1, false));
        assertThat(blockOf("防汛通知").page()).isEqualTo(2);
    }

    @Test
    void everyLineIsABlockAndTheOffsetsSliceIt() {
        assertThat(body.blocks()).extracting(b -> body.text().substring(b.start(), b.end()))
                .containsExactly("一、发文稿纸", "密级", "机密", "保密期限", "五年", "各镇人民政府：", "附件", "秘密",
                        "序号", "文件名称", "1", "防汛通知");
        assertThat(blockOf("各镇人民政府：").kind()).isEqualTo(Block.Kind.PARAGRAPH);
    }

    @Test
    void aParagraphWithAnOutlineLevelIsAHeading() {
        assertThat(blockOf("一、发文稿纸").kind()).isEqualTo(Block.Kind.HEADING);
    }

    @Test
    void aPageBreakStartsTheNextPage() {
        assertThat(List.of(blockOf("一、发文稿纸").page(), blockOf("机密").page(), blockOf("各镇人民政府：").page()))
                .containsOnly(1);
        assertThat(blockOf("附件").page()).isEqualTo(2);
        assertThat(blockOf("秘密").page()).isEqualTo(2);
    }
}
