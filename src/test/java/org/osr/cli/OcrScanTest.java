package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.extract.Document;
import org.osr.extract.PartKind;
import org.osr.extract.Problem;
import org.osr.extract.TikaExtractor;
import org.osr.ocr.Tesseract;
import org.osr.testkit.RedInkScan;
import org.osr.testkit.ScannedPage;
import tools.jackson.databind.JsonNode;
import org.osr.testkit.Slow;

/** {@code --ocr}: scanned pages are read only when asked, in Chinese, and a scanned marking is found. */
@Slow
class OcrScanTest {
    @TempDir
    Path tmp;

    @Test
    void withoutOcrAScannedPageIsNeverReadEvenWithTesseractInstalled() throws Exception {
        Path png = ScannedPage.image(tmp.resolve("scan.png"));
        Path pdf = ScannedPage.pdf(tmp.resolve("scan.pdf"));

        for (Path file : new Path[] {png, pdf}) {
            Document doc = new TikaExtractor().extract(file, file.getFileName().toString());
            assertThat(doc.parts()).as("no OCR text from %s", file).isEmpty();
            assertThat(doc.coverage().problems()).extracting(Problem::code).containsExactly(Problem.NO_TEXT_LAYER);
        }
        ScanCommandTest.Run run = osr("scan", png.toString(), pdf.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        for (JsonNode doc : run.json().get("documents")) {
            assertThat(doc.get("verdict").asString()).isEqualTo("unreviewable");
            assertThat(doc.get("coverage").get("problems").get(0).get("code").asString())
                    .isEqualTo(Problem.NO_TEXT_LAYER);
            assertThat(doc.get("coverage").get("parts").get("ocr").asInt()).isZero();
        }
    }

    @Test
    void withoutOcrAScannedPdfInsideAZipIsNamedAsScanned() throws Exception {
        Path zip = tmp.resolve("scans.zip");
        try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("inbox/scan.pdf"));
            out.write(java.nio.file.Files.readAllBytes(ScannedPage.pdf(tmp.resolve("scan.pdf"))));
        }
        Document doc = new TikaExtractor().extract(zip, "scans.zip");
        assertThat(doc.coverage().problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(Problem.NO_TEXT_LAYER);
            assertThat(p.message()).contains("scans.zip!/inbox/scan.pdf").contains("page(s) 1");
        });
    }

    @Test
    void withOcrScannedImagesAndAnImageOnlyPdfAreWithheldByTheirOcrText() throws Exception {
        assumeThat(Tesseract.problem()).as("tesseract with chi_sim installed").isEmpty();
        Path png = ScannedPage.image(tmp.resolve("scan.png"));
        Path jpg = ScannedPage.image(tmp.resolve("scan.jpg"));
        Path tif = ScannedPage.image(tmp.resolve("scan.tif"));
        Path pdf = ScannedPage.pdf(tmp.resolve("scan.pdf"));

        ScanCommandTest.Run run = osr("scan", "--ocr", png.toString(), jpg.toString(), tif.toString(), pdf.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        Map<String, JsonNode> docs = new HashMap<>();
        run.json().get("documents").forEach(d -> docs.put(Path.of(d.get("path").asString()).getFileName().toString(), d));
        assertThat(docs).containsOnlyKeys("scan.png", "scan.jpg", "scan.tif", "scan.pdf");
        docs.forEach((name, doc) -> {
            assertThat(doc.get("verdict").asString()).as(name).isEqualTo("withhold");
            JsonNode coverage = doc.get("coverage");
            assertThat(coverage.get("complete").asBoolean()).as(name).isTrue();
            assertThat(coverage.get("parts").get(PartKind.OCR.id()).asInt()).as(name).isEqualTo(1);
            // Tesseract has no ★: the scanned mark is found by the OCR-only rule (the pack's positive case).
            assertThat(doc.get("findings").get(0).get("ruleId").asString()).as(name)
                    .isEqualTo("cn-marking.ocr-level-star-period");
            JsonNode location = doc.get("findings").get(0).get("location");
            assertThat(location.get("part").asString()).as(name).isEqualTo("ocr");
            assertThat(location.get("line").asInt()).as(name).isEqualTo(2);
        });
        assertThat(docs.get("scan.pdf").get("findings").get(0).get("location").get("page").asInt()).isEqualTo(1);
        assertThat(docs.get("scan.png").get("findings").get(0).get("location").get("page").isNull()).isTrue();
    }

    @Test
    void forcedOcrReportsThePagesWhoseInvisibleTextLayerSaysSomethingElse() throws Exception {
        assumeThat(Tesseract.problem()).as("tesseract with chi_sim installed").isEmpty();
        Path pdf = RedInkScan.searchablePdf(tmp.resolve("searchable.pdf"), ScannedPage.render(),
                "本单位定于下周五举行秋季运动会\n请各部门提前做好报名和后勤准备工作");

        ScanCommandTest.Run run = osr("scan", "--ocr=force", pdf.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        JsonNode doc = run.json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        JsonNode ocr = doc.get("coverage").get("ocr");
        assertThat(ocr.get("pages").asInt()).isEqualTo(1);
        assertThat(ocr.get("disagree").get(0).asInt()).isEqualTo(1);
        assertThat(osr("scan", pdf.toString()).json().get("documents").get(0).get("coverage").get("ocr").isNull())
                .as("no ocr account without --ocr").isTrue();
    }

    @Test
    void aScannedEnglishBannerKeepsItsSlashesAndIsWithheldWhileAnEnglishNoticeIsNot() throws Exception {
        assumeThat(Tesseract.problem()).as("tesseract with chi_sim installed").isEmpty();
        // Pages are read in Chinese first; a page that comes out mostly Latin is read again with English, which
        // keeps the banner's // (the Chinese model reads TOP SECRET//NOFORN as TOP SECRETWNNOFORN).
        Path marked = englishScan(tmp.resolve("memo.png"), "TOP SECRET//NOFORN", "MEMORANDUM FOR THE RECORD",
                "SUBJECT: (U) Quarterly review of field operations");
        Path clean = englishScan(tmp.resolve("notice.png"), "PUBLIC NOTICE", "Road works on Example Street",
                "The road will be closed from 4 to 8 April 2026.");

        ScanCommandTest.Run run = osr("scan", "--ocr", marked.toString(), clean.toString());

        Map<String, JsonNode> docs = new HashMap<>();
        run.json().get("documents").forEach(d -> docs.put(Path.of(d.get("path").asString()).getFileName().toString(), d));
        assertThat(docs.get("memo.png").get("verdict").asString()).as(run.out()).isEqualTo("withhold");
        JsonNode finding = docs.get("memo.png").get("findings").get(0);
        assertThat(finding.get("location").get("part").asString()).isEqualTo("ocr");
        assertThat(finding.get("match").asString()).contains("SECRET//NOFORN");
        assertThat(docs.get("notice.png").get("verdict").asString()).as(run.out()).isEqualTo("publishable");
    }

    private static Path englishScan(Path file, String... lines) throws java.io.IOException {
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(2480, 800,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = page.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(java.awt.Color.BLACK);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < lines.length; i++) {
            ScannedPage.drawLine(g, lines[i], 150, 150 + i * 120, 50f);
        }
        g.dispose();
        javax.imageio.ImageIO.write(page, "png", file.toFile());
        return file;
    }

    @Test
    void ocrWithoutTesseractFailsFastTellingHowToInstallIt() throws Exception {
        Path png = ScannedPage.image(tmp.resolve("scan.png"));
        String before = System.getProperty(Tesseract.PROPERTY);
        System.setProperty(Tesseract.PROPERTY, tmp.resolve("no-such-tesseract").toString());
        try {
            ScanCommandTest.Run run = osr("scan", "--ocr", png.toString());
            assertThat(run.exitCode()).isEqualTo(64);
            assertThat(run.out()).isEmpty();
            assertThat(run.err()).contains("Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim");
        } finally {
            if (before == null) {
                System.clearProperty(Tesseract.PROPERTY);
            } else {
                System.setProperty(Tesseract.PROPERTY, before);
            }
        }
    }
}
