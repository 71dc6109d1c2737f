package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.OfdBuilder;

/**
 * How producers really write OFD pages: text scaled by a CTM (points to millimetres), nested page blocks, composite
 * objects drawn from resources, TextCodes that inherit their position; and hostile pages (a composite that draws
 * itself, elements nested without end) that must end in a named problem, not a hang or a crash.
 */
class OfdReaderTest {
    private static final String NS = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";

    @TempDir
    Path tmp;

    private Path ofd(String pageContent, String resources) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("OFD.xml", "<ofd:OFD " + NS + "><ofd:DocBody><ofd:DocInfo><ofd:Title>t</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>");
        files.put("Doc_0/Document.xml", "<ofd:Document " + NS + "><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>"
                + "0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes>"
                + "</ofd:CommonData><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                + "</ofd:Document>");
        files.put("Doc_0/DocumentRes.xml", "<ofd:Res " + NS + " BaseLoc=\"Res\">" + resources + "</ofd:Res>");
        files.put("Doc_0/Pages/Page_0/Content.xml", "<ofd:Page " + NS + "><ofd:Content><ofd:Layer ID=\"9\">"
                + pageContent + "</ofd:Layer></ofd:Content></ofd:Page>");
        Path file = tmp.resolve("t.ofd");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private static String body(OfdReader.Content content) {
        return content.parts().stream().filter(p -> p.kind() == PartKind.BODY).map(Part::text).findFirst()
                .orElse("");
    }

    @Test
    void ctmScaledTextInNestedBlocksIsPlacedByWhereItIsDrawn() throws IOException {
        // Size 14.17 in points, scaled to millimetres by the CTM: drawn at y = 30 + 0.3528 × 14.17 ≈ 35 mm.
        String marking = "<ofd:TextObject ID=\"1\" Boundary=\"25 30 40 10\" Size=\"14.17\""
                + " CTM=\"0.3528 0 0 0.3528 0 0\">"
                + "<ofd:TextCode X=\"0\" Y=\"14.17\">机密★5年</ofd:TextCode></ofd:TextObject>";
        String title = "<ofd:TextObject ID=\"2\" Boundary=\"25 40 160 10\" Size=\"5\">"
                + "<ofd:TextCode X=\"0\" Y=\"5\">关于</ofd:TextCode><ofd:TextCode X=\"12\">通知</ofd:TextCode>"
                + "</ofd:TextObject>";
        String copyNumber = "<ofd:TextObject ID=\"3\" Boundary=\"150 30 40 10\" Size=\"5\">"
                + "<ofd:TextCode X=\"0\" Y=\"5.2\">000318</ofd:TextCode></ofd:TextObject>";
        Path file = ofd("<ofd:PageBlock ID=\"4\"><ofd:PageBlock ID=\"5\">" + title + "</ofd:PageBlock>" + copyNumber
                + "</ofd:PageBlock>" + marking, "");
        OfdReader.Content content = OfdReader.read(file);
        assertThat(content.problems()).isEmpty();
        assertThat(body(content)).isEqualTo("机密★5年 000318\n关于 通知\n");
    }

    @Test
    void compositeObjectsDrawTheirResourceTextOnceEvenWhenTheyIncludeThemselves() throws IOException {
        String unit = "<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID=\"50\" Width=\"50\" Height=\"10\">"
                + "<ofd:Content><ofd:TextObject ID=\"51\" Boundary=\"0 0 50 10\" Size=\"5\"><ofd:TextCode X=\"0\" "
                + "Y=\"5\">秘密</ofd:TextCode></ofd:TextObject><ofd:CompositeObject ID=\"52\" ResourceID=\"50\" "
                + "Boundary=\"0 20 50 10\"/></ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>";
        OfdReader.Content content = OfdReader.read(ofd("<ofd:CompositeObject ID=\"6\" ResourceID=\"50\" "
                + "Boundary=\"25 30 50 10\"/>", unit));
        assertThat(body(content)).isEqualTo("秘密\n");
    }

    @Test
    void elementsNestedWithoutEndAreADamagedPartNotACrash() throws IOException {
        String deep = "<ofd:PageBlock>".repeat(5000) + "</ofd:PageBlock>".repeat(5000);
        OfdReader.Content content = OfdReader.read(ofd(deep, ""));
        assertThat(content.problems()).extracting(Problem::code).containsExactly(Problem.CORRUPT);
        assertThat(content.problems().get(0).message()).contains("Doc_0/Pages/Page_0/Content.xml").contains("nested");
    }

    @Test
    void aDoctypeIsRefused() throws IOException {
        String page = "<ofd:TextObject ID=\"1\" Boundary=\"0 0 10 10\"><ofd:TextCode X=\"0\" Y=\"5\">a</ofd:TextCode>"
                + "</ofd:TextObject>";
        Path file = ofd(page, "");
        // Replace the page with one that declares an external entity.
        Path evil = tmp.resolve("evil.ofd");
        try (var in = new java.util.zip.ZipFile(file.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().endsWith("Content.xml")
                        ? ("<!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><ofd:Page " + NS + "><ofd:Content>"
                        + "<ofd:Layer><ofd:TextObject Boundary=\"0 0 9 9\"><ofd:TextCode X=\"0\" Y=\"5\">&x;"
                        + "</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
                        .getBytes(StandardCharsets.UTF_8) : in.getInputStream(e).readAllBytes());
                out.closeEntry();
            }
        }
        OfdReader.Content content = OfdReader.read(evil);
        assertThat(body(content)).doesNotContain("root:");
        assertThat(content.problems()).extracting(Problem::code).containsExactly(Problem.CORRUPT);
    }

    private static Part part(OfdReader.Content content, PartKind kind) {
        return content.parts().stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }

    private static Block blockOf(Part part, String text) {
        return part.blocks().stream().filter(b -> part.text().substring(b.start(), b.end()).equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no block reads " + text + " in " + part.blocks()));
    }

    @Test
    void everyLineIsABlockWithItsPageAndItsPlaceOnThePage() throws IOException {
        Path file = OfdBuilder.create()
                .pageOfLines("关于开展检查工作的通知", "各单位：")
                .page(OfdBuilder.Text.at(25, 60, "请认真组织实施。"), OfdBuilder.Text.at(160, 20, "机密★1年"),
                        OfdBuilder.Text.at(90, 280, "第 2 页"))
                .write(tmp.resolve("layout.ofd"));
        Part body = part(OfdReader.read(file), PartKind.BODY);

        assertThat(body.blocks()).extracting(b -> body.text().substring(b.start(), b.end()))
                .containsExactly("关于开展检查工作的通知", "各单位：", "机密★1年", "请认真组织实施。", "第 2 页");
        assertThat(body.blocks()).allMatch(b -> b.kind() == Block.Kind.LINE);
        Block marking = blockOf(body, "机密★1年");
        assertThat(marking.page()).isEqualTo(2);
        assertThat(marking.box().left()).isGreaterThan(0.5);
        assertThat(marking.box().top()).isLessThan(0.2);
        assertThat(marking.box().rotation()).isZero();
        assertThat(blockOf(body, "第 2 页").box().bottom()).isGreaterThan(0.85);
        assertThat(blockOf(body, "各单位：").page()).isEqualTo(1);
    }

    @Test
    void tableCellsOnOneBaselineAreBlocksOfTheirOwnButWordsAndProseAreNot() throws IOException {
        List<OfdBuilder.Text> page = new ArrayList<>(List.of(
                new OfdBuilder.Text(30, 50, "密级", 5), new OfdBuilder.Text(70, 50, "份数", 5),
                new OfdBuilder.Text(30, 58, "机密", 5), new OfdBuilder.Text(70, 58, "2", 5),
                // letter-spaced: two em apart, still one marking
                new OfdBuilder.Text(30, 70, "绝", 5), new OfdBuilder.Text(45, 70, "密", 5),
                // a half-width space typed between Chinese and Latin is half an em: no cell
                new OfdBuilder.Text(30, 100, "今年", 5), new OfdBuilder.Text(42.5, 100, "GDP", 5)));
        // an English sentence one word a code, a third of an em between words; Chinese prose one glyph a code
        double x = 30;
        for (String word : "The committee will meet again on Monday".split(" ")) {
            page.add(new OfdBuilder.Text(x, 80, word, 5));
            x += word.length() * 5 + 5 / 3.0;
        }
        String prose = "各单位要认真组织实施。";
        for (int c = 0; c < prose.length(); c++) {
            page.add(new OfdBuilder.Text(30 + c * 5, 90, prose.substring(c, c + 1), 5));
        }
        Path file = OfdBuilder.create().page(page.toArray(OfdBuilder.Text[]::new)).write(tmp.resolve("cells.ofd"));
        Part body = part(OfdReader.read(file), PartKind.BODY);

        assertThat(body.text()).startsWith("密级 份数\n机密 2\n");
        assertThat(body.blocks()).extracting(b -> body.text().substring(b.start(), b.end())).containsExactly(
                "密级", "份数", "机密", "2", "绝 密", "The committee will meet again on Monday", prose, "今年 GDP");
        Block.Box level = blockOf(body, "密级").box();
        Block.Box secret = blockOf(body, "机密").box();
        Block.Box copies = blockOf(body, "份数").box();
        Block.Box two = blockOf(body, "2").box();
        assertThat(secret.left()).isLessThan(level.right());
        assertThat(secret.right()).isGreaterThan(level.left()).isLessThan(copies.left());
        assertThat(two.left()).isLessThan(copies.right());
        assertThat(two.right()).isGreaterThan(copies.left());
        assertThat(level.top()).isLessThan(secret.top());
        assertThat(level.right()).isLessThan(copies.left());
    }

    @Test
    void templateAndWatermarkLinesAreBlocksToo() throws IOException {
        Path file = OfdBuilder.create()
                .template(OfdBuilder.Text.at(150, 15, "内部资料"))
                .pageOfLines("正文")
                .pageOfLines("正文")
                .watermark(2, "仅供审阅")
                .write(tmp.resolve("layers.ofd"));
        OfdReader.Content content = OfdReader.read(file);

        Part header = part(content, PartKind.HEADER);
        Block banner = blockOf(header, "内部资料");
        assertThat(banner.page()).isZero();   // on every page that uses the template
        assertThat(banner.box().left()).isGreaterThan(0.5);
        assertThat(banner.box().top()).isLessThan(0.2);

        Part watermark = part(content, PartKind.WATERMARK);
        Block mark = blockOf(watermark, "仅供审阅");
        assertThat(mark.page()).isEqualTo(2);
        assertThat(mark.box()).isNotNull();
        assertThat(watermark.text().substring(0, mark.start())).contains(String.valueOf(Part.PAGE_BREAK));
    }

    @Test
    void textTurnedByItsTransformIsARotatedLineAlongTheMargin() throws IOException {
        // Turned 90° clockwise: drawn downwards from (200, 100), along the right margin.
        String turned = "<ofd:TextObject ID=\"1\" Boundary=\"200 100 10 60\" Size=\"5\" CTM=\"0 1 -1 0 0 0\">"
                + "<ofd:TextCode X=\"0\" Y=\"0\" DeltaX=\"g 3 5\">内部资料</ofd:TextCode></ofd:TextObject>";
        String line = "<ofd:TextObject ID=\"2\" Boundary=\"25 40 160 10\" Size=\"5\">"
                + "<ofd:TextCode X=\"0\" Y=\"5\">正文</ofd:TextCode></ofd:TextObject>";
        Part body = part(OfdReader.read(ofd(line + turned, "")), PartKind.BODY);

        Block margin = blockOf(body, "内部资料");
        assertThat(margin.box().rotation()).isEqualTo(90);
        assertThat(margin.box().left()).isGreaterThan(0.88);
        assertThat(margin.box().bottom() - margin.box().top()).isGreaterThan(0.05);
        assertThat(blockOf(body, "正文").box().rotation()).isZero();
    }

    /** Each character its own text object, stacked downward 1.1 font sizes apart at x, from y. */
    private static List<OfdBuilder.Text> column(double x, double y, String text) {
        List<OfdBuilder.Text> glyphs = new ArrayList<>();
        text.codePoints().forEach(c -> glyphs.add(new OfdBuilder.Text(x, y + glyphs.size() * 5.5,
                Character.toString(c), 5)));
        return glyphs;
    }

    @Test
    void aColumnOfUprightCharactersInTheMarginIsOneVerticalLine() throws IOException {
        List<OfdBuilder.Text> page = new ArrayList<>(List.of(OfdBuilder.Text.at(28, 40, "关于调整警卫等级的通知"),
                OfdBuilder.Text.at(28, 120, "各有关单位：现将有关事项通知如下。"), OfdBuilder.Text.at(28, 128, "一、加强值班值守。")));
        page.addAll(column(8, 118, "机密★10年"));
        page.addAll(column(195, 60, "急件"));
        Path file = OfdBuilder.create().page(page.toArray(OfdBuilder.Text[]::new)).write(tmp.resolve("column.ofd"));
        Part body = part(OfdReader.read(file), PartKind.BODY);

        Block marking = blockOf(body, "机密★10年");
        assertThat(marking.box().rotation()).isEqualTo(90);
        assertThat(marking.box().right()).isLessThan(0.15);
        assertThat(marking.box().bottom() - marking.box().top()).isGreaterThan(0.1);
        // Two characters are too few to tell a column from two short lines: read one a line, as before.
        assertThat(body.text()).doesNotContain("急件").contains("急\n件");
        assertThat(blockOf(body, "各有关单位：现将有关事项通知如下。").box().rotation()).isZero();
        assertThat(blockOf(body, "一、加强值班值守。").box().rotation()).isZero();
    }

    @Test
    void textWrittenOneGlyphACodeIsNotReadDownItsColumns() throws IOException {
        // A producer that writes every glyph as its own code, lines 1.2 font sizes apart: the glyphs line up in
        // columns, but each has neighbours on its baseline, so the page reads across.
        List<OfdBuilder.Text> page = new ArrayList<>();
        String[] lines = {"关于开展检查的通知", "各区人民政府市政", "府有关部门现将有"};
        for (int l = 0; l < lines.length; l++) {
            for (int c = 0; c < lines[l].length(); c++) {
                page.add(new OfdBuilder.Text(28 + c * 5, 40 + l * 6, lines[l].substring(c, c + 1), 5));
            }
        }
        Path file = OfdBuilder.create().page(page.toArray(OfdBuilder.Text[]::new)).write(tmp.resolve("glyphs.ofd"));
        Part body = part(OfdReader.read(file), PartKind.BODY);

        assertThat(body.text()).startsWith(String.join("\n", lines) + "\n");
        assertThat(body.blocks()).allMatch(b -> b.box().rotation() == 0);
    }
}
