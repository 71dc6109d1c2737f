package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;

/**
 * Workbook print headers and hidden sheets, slide masters and speaker notes are read as labelled parts, so a level
 * standing alone there is the marking it is — and the same words in a visible cell or in prose stay prose.
 */
class OoxmlLayersTest {
    @TempDir
    Path dir;

    private Opinion review(Path file) throws Exception {
        return new DocumentReviewer(new TikaExtractor(), new RuleEngine(PackSources.bundled(new PackLoader())),
                new Judge(Action.REDACT)).review(file, file.getFileName().toString());
    }

    private Path workbook(String name, String headerCentre, String hiddenCell) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("名单");
            sheet.createRow(0).createCell(0).setCellValue("姓名");
            sheet.createRow(1).createCell(0).setCellValue("防汛值班表");
            sheet.getHeader().setCenter(headerCentre);
            sheet.getFooter().setRight("第&P页");
            if (hiddenCell != null) {
                XSSFSheet hidden = wb.createSheet("底稿");
                hidden.createRow(0).createCell(0).setCellValue("说明");
                hidden.createRow(5).createCell(2).setCellValue(hiddenCell);
                wb.setSheetHidden(1, true);
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
            return file;
        }
    }

    private Path slides(String name, String masterText, String notes) throws IOException {
        try (XMLSlideShow show = new XMLSlideShow()) {
            XSLFSlide slide = show.createSlide();
            XSLFTextBox body = slide.createTextBox();
            body.setText("2026年防汛工作部署");
            if (masterText != null) {
                XSLFTextBox stamp = show.getSlideMasters().get(0).createTextBox();
                stamp.setText(masterText);
            }
            show.getNotesSlide(slide).getPlaceholder(1).setText(notes);
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                show.write(out);
            }
            return file;
        }
    }

    @Test
    void aLevelInAPrintHeaderOrAHiddenSheetIsAMarking() throws Exception {
        Opinion header = review(workbook("header.xlsx", "机密", null));
        assertThat(header.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(header.findings()).anyMatch(h -> h.part().kind() == PartKind.HEADER
                && h.rule().id().equals("cn-marking.bare-level"));

        Opinion hidden = review(workbook("hidden.xlsx", "值班安排", "秘密"));
        assertThat(hidden.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(hidden.findings()).anyMatch(h -> h.part().kind() == PartKind.HIDDEN);

        Opinion clean = review(workbook("clean.xlsx", "值班安排", "防汛物资清单"));
        assertThat(clean.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(clean.document().parts()).anyMatch(p -> p.kind() == PartKind.FOOTER && p.text().contains("第页"));
    }

    @Test
    void slideMastersAndNotesAreReadAsHeaderAndComment() throws Exception {
        Opinion master = review(slides("master.pptx", "内部资料", "讲解要点"));
        assertThat(master.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(master.findings()).anyMatch(h -> h.part().kind() == PartKind.HEADER);

        Opinion notes = review(slides("notes.pptx", null, "秘密"));
        assertThat(notes.verdict()).isEqualTo(Verdict.WITHHOLD);
        assertThat(notes.findings()).anyMatch(h -> h.part().kind() == PartKind.COMMENT);

        Opinion clean = review(slides("clean.pptx", "××区应急管理局", "本页讲解：国家秘密的密级分为绝密、机密、秘密三级。"));
        assertThat(clean.verdict()).as(clean.findings().toString()).isEqualTo(Verdict.PUBLISHABLE);
        // The master's placeholder prompts ("Click to edit Master title style") are not text a slide shows.
        assertThat(clean.document().parts()).filteredOn(p -> p.kind() == PartKind.HEADER)
                .allMatch(p -> !p.text().toLowerCase(java.util.Locale.ROOT).contains("click to edit"));
    }

    @Test
    void headerCodesAreDropped() {
        assertThat(OoxmlLayers.headerText("&L&\"宋体,加粗\"&12机密&R第&P页")).isEqualTo("机密 第页");
        assertThat(List.of(OoxmlLayers.headerText("&C&K00FF00内部&&资料"))).containsExactly("内部&资料");
    }
}
