package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.osr.testkit.StructuredDocx.cell;
import static org.osr.testkit.StructuredDocx.numbered;
import static org.osr.testkit.StructuredDocx.p;
import static org.osr.testkit.StructuredDocx.pageBreak;
import static org.osr.testkit.StructuredDocx.renderedPageBreak;
import static org.osr.testkit.StructuredDocx.sectionEnd;
import static org.osr.testkit.StructuredDocx.spanningCell;
import static org.osr.testkit.StructuredDocx.table;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Block.Kind;
import org.osr.testkit.LayeredDocx;
import org.osr.testkit.StructuredDocx;

/** What a DOCX's parts are made of: blocks with kinds, table cells and pages, each slicing the part's text. */
class DocxBlocksTest {
    @TempDir
    Path tmp;

    private static final String OUTLINE_LEVEL_2 = "<w:outlineLvl w:val=\"1\"/>";

    /** A drafting form: title, numbered items, a captioned table with a header row and a merged cell. */
    private Path form() throws IOException {
        return write(new StructuredDocx()
                .style("Heading1", "heading 1", null, "<w:outlineLvl w:val=\"0\"/>")
                .style("2", "标题 2", null, "")
                .style("a3", "caption", null, "")
                .style("MyHead", "Chapter", "Heading1", "")
                .header("机密★5年")
                .styled("Heading1", "第一章 总则")
                .paragraph("正文第一段")
                .raw(p(numbered(), LayeredDocx.run("第一项")))
                .styled("a3", "表1 密级")
                .raw(table(true,
                        new String[] {cell("事项"), cell("密级"), cell("期限")},
                        new String[] {spanningCell(2, "合并两列"), cell("秘密", "十年")}))
                .styled("2", "二、中文标题")
                .raw(p(OUTLINE_LEVEL_2, LayeredDocx.run("大纲标题")))
                .styled("MyHead", "派生标题"));
    }

    private Path write(StructuredDocx docx) throws IOException {
        return docx.write(tmp.resolve("doc" + System.nanoTime() + ".docx"));
    }

    private static Part part(List<Part> parts, PartKind kind) {
        return parts.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }

    private static String slice(Part part, Block block) {
        return part.text().substring(block.start(), block.end());
    }

    @Test
    void paragraphsHeadingsListItemsCaptionsAndCells() throws IOException {
        List<Part> parts = DocxStructureReader.read(form());
        Part body = part(parts, PartKind.BODY);

        assertThat(body.text()).isEqualTo("第一章 总则\n正文第一段\n第一项\n表1 密级\n事项\n密级\n期限\n合并两列\n秘密\n十年\n"
                + "二、中文标题\n大纲标题\n派生标题");
        assertThat(body.blocks()).extracting(b -> slice(body, b), Block::kind).containsExactly(
                tuple("第一章 总则", Kind.HEADING),
                tuple("正文第一段", Kind.PARAGRAPH),
                tuple("第一项", Kind.LIST_ITEM),
                tuple("表1 密级", Kind.CAPTION),
                tuple("事项", Kind.CELL),
                tuple("密级", Kind.CELL),
                tuple("期限", Kind.CELL),
                tuple("合并两列", Kind.CELL),
                tuple("秘密\n十年", Kind.CELL),
                tuple("二、中文标题", Kind.HEADING),
                tuple("大纲标题", Kind.HEADING),
                tuple("派生标题", Kind.HEADING));
        assertThat(body.blocks()).filteredOn(b -> b.cell() != null).extracting(Block::cell).containsExactly(
                new Block.Cell(0, 0, 0, true),
                new Block.Cell(0, 0, 1, true),
                new Block.Cell(0, 0, 2, true),
                new Block.Cell(0, 1, 0, false),
                new Block.Cell(0, 1, 2, false));
        assertThat(body.blocks()).allMatch(b -> b.page() == 1 && b.box() == null);

        Part header = part(parts, PartKind.HEADER);
        assertThat(header.blocks()).extracting(b -> slice(header, b), Block::kind, Block::page)
                .containsExactly(tuple("机密★5年", Kind.PARAGRAPH, 0));
    }

    @Test
    void pagesFollowPageBreaksSectionBreaksAndWordsRenderedBreaks() throws IOException {
        Path file = write(new StructuredDocx()
                .style("Chapter", "Chapter start", null, "<w:pageBreakBefore/>")
                .paragraph("第一页")
                .raw(p("", LayeredDocx.run("翻页之前"), pageBreak(), LayeredDocx.run("翻页之后")))
                .paragraph("第二页")
                .raw(p(sectionEnd("nextPage"), LayeredDocx.run("第二节末")))
                .paragraph("第三页")
                .raw(p(sectionEnd("continuous"), LayeredDocx.run("连续节")))
                .paragraph("仍在第三页")
                .raw(p("", renderedPageBreak("第四页")))
                .raw(p("<w:pageBreakBefore/>", LayeredDocx.run("第五页")))
                .styled("Chapter", "第六页")
                // Word marks the page it began after a hard break too: one new page, not two
                .raw(p("", LayeredDocx.run("第六页末"), pageBreak()))
                .raw(p("", renderedPageBreak("第七页")))
                .raw(p("", pageBreak()))
                .raw(p("", pageBreak()))
                .paragraph("第九页"));

        Part body = part(DocxStructureReader.read(file), PartKind.BODY);

        assertThat(body.blocks()).filteredOn(b -> !slice(body, b).isBlank())
                .extracting(b -> slice(body, b), Block::page).containsExactly(
                        tuple("第一页", 1),
                        tuple("翻页之前\n翻页之后", 1),   // a paragraph is on the page where it starts
                        tuple("第二页", 2),
                        tuple("第二节末", 2),
                        tuple("第三页", 3),
                        tuple("连续节", 3),
                        tuple("仍在第三页", 3),
                        tuple("第四页", 4),
                        tuple("第五页", 5),
                        tuple("第六页", 6),
                        tuple("第六页末\n", 6),
                        tuple("第七页", 7),
                        tuple("第九页", 9));
        assertThat(body.text()).doesNotContain("\f");
    }

    @Test
    void nestedTablesAndTextBoxesAreBlocksOfTheirOwn() throws IOException {
        String inner = table(false, new String[] {cell("内一"), cell("内二")});
        Path file = write(new StructuredDocx()
                .raw(table(false, new String[] {cell("外左"), spanningCell(1, "外右上", inner, "外右下")}))
                .raw(p("", LayeredDocx.run("锚点"), LayeredDocx.textBox("框内第一段", "框内第二段"))));

        List<Part> parts = DocxStructureReader.read(file);
        Part body = part(parts, PartKind.BODY);
        assertThat(body.blocks()).extracting(b -> slice(body, b), Block::cell).containsExactly(
                tuple("外左", new Block.Cell(0, 0, 0, false)),
                tuple("外右上", new Block.Cell(0, 0, 1, false)),
                tuple("内一", new Block.Cell(1, 0, 0, false)),
                tuple("内二", new Block.Cell(1, 0, 1, false)),
                tuple("外右下", new Block.Cell(0, 0, 1, false)),
                tuple("锚点", null));

        Part shape = part(parts, PartKind.SHAPE);
        assertThat(shape.blocks()).extracting(b -> slice(shape, b), Block::kind, Block::page).containsExactly(
                tuple("框内第一段", Kind.SHAPE, 0),
                tuple("框内第二段", Kind.SHAPE, 0));
    }

    @Test
    void hiddenTextInACellIsACellOfTheHiddenPart() throws IOException {
        String hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>秘密</w:t></w:r>";
        Path file = write(new StructuredDocx()
                .paragraph("前言")
                .raw(table(false, new String[] {cell("密级"), cell(p("", LayeredDocx.run("公开"), hidden))})));

        Part hiddenPart = part(DocxStructureReader.read(file), PartKind.HIDDEN);

        assertThat(hiddenPart.blocks()).extracting(b -> slice(hiddenPart, b), Block::kind, Block::cell, Block::page)
                .containsExactly(tuple("秘密", Kind.CELL, new Block.Cell(0, 0, 1, false), 1));
    }

    @Test
    void layersOverThePageAreShapeAndAltTextBlocks() throws IOException {
        Path file = tmp.resolve("layers.docx");
        java.nio.file.Files.write(file, new LayeredDocx()
                .headerRuns(LayeredDocx.vmlWatermark("内部资料"))
                .text("正文")
                .smartArt("节点一", "节点二")
                .imageWithAltText("图：机密文件")
                .build());

        List<Part> parts = DocxStructureReader.read(file);

        for (Part part : parts) {
            assertThat(part.blocks()).as(part.kind() + " " + part.source()).isNotEmpty()
                    .allMatch(b -> b.end() <= part.text().length());
        }
        Part watermark = part(parts, PartKind.WATERMARK);
        assertThat(watermark.blocks()).extracting(b -> slice(watermark, b), Block::kind)
                .containsExactly(tuple("内部资料", Kind.SHAPE));
        Part smartArt = parts.stream().filter(p -> p.source().startsWith("word/diagrams/")).findFirst().orElseThrow();
        assertThat(smartArt.blocks()).extracting(b -> slice(smartArt, b), Block::kind)
                .containsExactly(tuple("节点一", Kind.SHAPE), tuple("节点二", Kind.SHAPE));
        Part alt = part(parts, PartKind.ALT_TEXT);
        assertThat(alt.blocks()).extracting(b -> slice(alt, b), Block::kind)
                .contains(tuple("图：机密文件", Kind.PARAGRAPH));
    }
}
