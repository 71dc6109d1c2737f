package org.osr.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDInlineImage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.ocr.Tesseract;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.Slow;

/**
 * A marked notice pasted in as a picture is not text osr has read: without OCR such a document is unreviewable
 * ({@code unread-image}), while a logo, a passport photo or a QR code in an ordinary notice leaves it publishable.
 */
class UnreadImageTest {
    private static final Path CJK = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    private static final Path LATIN = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final List<String> NOTICE = List.of("关于做好防汛工作的通知", "各街道办事处，区政府各部门：",
            "现将今年防汛工作的有关事项通知如下，请认真贯彻落实。", "一、加强值班值守，确保信息畅通。",
            "二、做好物资储备，及时排查隐患。", "××区人民政府办公室", "2026年6月1日");
    private static final float A4_W = PDRectangle.A4.getWidth(), A4_H = PDRectangle.A4.getHeight();

    private static DocumentReviewer reviewer;
    private static byte[] markedPage;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(PackSources.bundled(new PackLoader())),
                new Judge(Action.REDACT));
        markedPage = png(page(1240, 1754, List.of("000318", "机密★5年", "××区人民政府关于做好防汛工作的通知",
                "各街道办事处，区政府各部门：", "现将有关事项通知如下。")));
    }

    @Test
    void docxWithAPictureOfAMarkedPageIsUnreviewable() throws Exception {
        Path docx = forwardingLetter();
        Opinion opinion = unreadImage(docx);
        assertThat(opinion.document().coverage().images().flagged()).singleElement().asString()
                .contains("word/media/").contains("1240×1754 px");
    }

    @Test
    @Slow
    void withOcrThePictureIsReadNotUnread() throws Exception {
        assumeTrue(Tesseract.problem().isEmpty(), () -> Tesseract.problem().orElse(""));
        Path docx = forwardingLetter();
        DocumentReviewer ocr = new DocumentReviewer(new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, true),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));
        Opinion opinion = ocr.review(docx, "forwarding-letter.docx");
        assertThat(opinion.document().coverage().problems()).isEmpty();
        assertThat(opinion.document().coverage().images().unread()).isZero();
        assertThat(opinion.document().parts()).anySatisfy(p -> assertThat(p.text()).contains("防汛"));
        assertThat(opinion.verdict()).as("verdict %s", opinion.verdict()).isNotEqualTo(Verdict.UNREVIEWABLE);
    }

    @Test
    void pdfScanStoredAsEightBandsWithATypedFooterIsUnreviewable() throws Exception {
        BufferedImage page = ImageIO.read(new ByteArrayInputStream(markedPage));
        Path pdf = pdf("bands.pdf", (doc, cs) -> {
            int bands = 8, bandPx = page.getHeight() / bands;
            float bandPt = A4_H / bands;
            for (int i = 0; i < bands; i++) {
                PDImageXObject band = LosslessFactory.createFromImage(doc,
                        page.getSubimage(0, i * bandPx, page.getWidth(), bandPx));
                cs.drawImage(band, 0, A4_H - (i + 1) * bandPt, A4_W, bandPt);
            }
            text(cs, 40, 12, "Archived by the records system on 2026-11-30, page 1 of 1");
        });
        Opinion opinion = unreadImage(pdf);
        assertThat(opinion.document().coverage().images().unread()).isEqualTo(8);
        assertThat(opinion.document().coverage().images().flagged()).singleElement().asString()
                .contains("page 1 (8 images together)");
    }

    @Test
    void pdfPageThatIsMostlyAnImageUnderATitleIsUnreviewable() throws Exception {
        Path pdf = pdf("figure.pdf", (doc, cs) -> {
            text(cs, 60, A4_H - 40, "Annex 2: the notice as received");
            cs.drawImage(LosslessFactory.createFromImage(doc, ImageIO.read(new ByteArrayInputStream(markedPage))),
                    30, 20, A4_W - 60, A4_H - 80);
        });
        unreadImage(pdf);
    }

    @Test
    void pdfPageThatIsMostlyAnInlineImageIsUnreviewable() throws Exception {
        // No XObject on the page: the picture is in its content stream (BI … ID … EI), which the census still walks.
        Path pdf = pdf("inline-figure.pdf", (doc, cs) -> {
            text(cs, 60, A4_H - 40, "Annex 2: the notice as received");
            COSDictionary parameters = new COSDictionary();
            parameters.setInt(COSName.W, 100);
            parameters.setInt(COSName.H, 140);
            parameters.setInt(COSName.BPC, 8);
            parameters.setItem(COSName.CS, COSName.G);
            byte[] grey = new byte[100 * 140];
            java.util.Arrays.fill(grey, (byte) 128);
            cs.drawImage(new PDInlineImage(parameters, grey, null), 30, 20, A4_W - 60, A4_H - 80);
        });
        assertThat(unreadImage(pdf).document().coverage().images().unread()).isEqualTo(1);
    }

    @Test
    void scannedRedHeadAtTheTopOfATypedPageIsUnreviewable() throws Exception {
        // 17 × 3 cm across the top, 8 % of the page: under the page-share rule, but where the marking sits.
        BufferedImage head = page(1700, 300, List.of("机密★5年", "××区人民政府文件"));
        Path pdf = pdf("red-head.pdf", (doc, cs) -> {
            cs.drawImage(LosslessFactory.createFromImage(doc, head), 57, A4_H - 40 - 85, 482, 85);
            float y = A4_H - 180;
            for (String line : List.of("Notice on flood prevention work", "To the sub-district offices:",
                    "Please keep duty rosters staffed and check supplies before the rainy season.")) {
                text(cs, 60, y, line);
                y -= 24;
            }
        });
        assertThat(unreadImage(pdf).document().coverage().images().flagged()).singleElement().asString()
                .startsWith("edge: page 1").contains("top");
    }

    @Test
    void zipHoldingAPictureOfAMarkedPageIsUnreviewable() throws Exception {
        Path zip = dir.resolve("files.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("请查收附件中的通知。".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("notice.png"));
            out.write(markedPage);
        }
        Opinion opinion = unreadImage(zip);
        assertThat(opinion.document().coverage().images().flagged()).singleElement().asString()
                .contains("notice.png").contains("1240×1754 px");
    }

    @Test
    void htmlPageWhoseOnlyContentIsAnImageIsUnreviewable() throws Exception {
        Path inline = dir.resolve("inline.html");
        Files.writeString(inline, "<html><body><img src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(markedPage) + "\"></body></html>");
        assertThat(unreadImage(inline).document().coverage().images().flagged()).singleElement().asString()
                .contains("data: URI").contains("1240×1754 px");

        Path remote = dir.resolve("remote.html");
        Files.writeString(remote, "<html><head><title>通知</title></head><body><img src=\"notice.png\"></body></html>");
        unreadImage(remote);
    }

    @Test
    void noticeWithASmallLogoInTheHeaderStaysPublishable() throws Exception {
        Path docx = dir.resolve("logo.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createHeader(HeaderFooterType.DEFAULT).createParagraph().createRun().addPicture(
                    new ByteArrayInputStream(png(logo(200, 200))), Document.PICTURE_TYPE_PNG, "logo.png",
                    Units.toEMU(57), Units.toEMU(57));
            NOTICE.forEach(line -> doc.createParagraph().createRun().setText(line));
            doc.write(out);
        }
        publishableWithOneUnreadImage(docx);
    }

    @Test
    void noticeWithAPassportPhotoStaysPublishable() throws Exception {
        Path docx = dir.resolve("photo.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            NOTICE.forEach(line -> doc.createParagraph().createRun().setText(line));
            // 600×800 pixels is more than a page scan's minimum; it is the 3×4 cm it is shown at that makes it a photo.
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(png(logo(600, 800))),
                    Document.PICTURE_TYPE_PNG, "photo.png", Units.toEMU(85), Units.toEMU(113));
            doc.write(out);
        }
        publishableWithOneUnreadImage(docx);
    }

    @Test
    void noticeWithAQrCodeAtTheBottomStaysPublishable() throws Exception {
        Path pdf = pdf("qr.pdf", (doc, cs) -> {
            float y = A4_H - 80;
            for (String line : List.of("Notice on flood prevention work", "To the sub-district offices:",
                    "Please keep duty rosters staffed and check supplies before the rainy season.",
                    "District Government Office, 1 June 2026")) {
                text(cs, 60, y, line);
                y -= 24;
            }
            cs.drawImage(LosslessFactory.createFromImage(doc, logo(300, 300)), A4_W - 145, 40, 85, 85);
        });
        publishableWithOneUnreadImage(pdf);
    }

    /** One line of text and the marked notice pasted in as a full-width picture. */
    private Path forwardingLetter() throws Exception {
        Path docx = dir.resolve("forwarding-letter.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(docx)) {
            doc.createParagraph().createRun().setText("现将有关文件转发给你们，请遵照执行。");
            doc.createParagraph().createRun().addPicture(new ByteArrayInputStream(markedPage), Document.PICTURE_TYPE_PNG,
                    "notice.png", Units.toEMU(453), Units.toEMU(453 * 1754 / 1240.0));
            doc.write(out);
        }
        return docx;
    }

    private Opinion unreadImage(Path file) throws IOException {
        Opinion opinion = reviewer.review(file, file.getFileName().toString());
        assertThat(opinion.verdict()).isEqualTo(Verdict.UNREVIEWABLE);
        assertThat(opinion.document().coverage().problems()).extracting(Problem::code).contains(Problem.UNREAD_IMAGE);
        return opinion;
    }

    private void publishableWithOneUnreadImage(Path file) throws IOException {
        Opinion opinion = reviewer.review(file, file.getFileName().toString());
        assertThat(opinion.document().coverage().problems()).isEmpty();
        assertThat(opinion.verdict()).isEqualTo(Verdict.PUBLISHABLE);
        assertThat(opinion.document().coverage().images().unread()).isEqualTo(1);
        assertThat(opinion.document().coverage().images().flagged()).isEmpty();
    }

    private interface PageDrawing {
        void draw(PDDocument doc, PDPageContentStream cs) throws IOException;
    }

    private Path pdf(String name, PageDrawing drawing) throws IOException {
        Path file = dir.resolve(name);
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                drawing.draw(doc, cs);
            }
            doc.save(file.toFile());
        }
        return file;
    }

    private static void text(PDPageContentStream cs, float x, float y, String line) throws IOException {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 11);
        cs.newLineAtOffset(x, y);
        cs.showText(line);
        cs.endText();
    }

    /** A page of black text on white; Droid Sans Fallback lacks digits and ★, which DejaVu draws. */
    private static BufferedImage page(int width, int height, List<String> lines) throws IOException {
        Font cjk = font(CJK, 48f), latin = font(LATIN, 48f);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < lines.size(); i++) {
            int x = 100;
            for (int cp : lines.get(i).codePoints().toArray()) {
                String ch = Character.toString(cp);
                g.setFont(cjk.canDisplay(cp) ? cjk : latin);
                g.drawString(ch, x, 150 + i * 90);
                x += g.getFontMetrics().stringWidth(ch);
            }
        }
        g.dispose();
        return image;
    }

    /** A picture without text: a red disc on grey, standing in for a logo, a photo or a QR code. */
    private static BufferedImage logo(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.LIGHT_GRAY);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillOval(width / 8, height / 8, width * 3 / 4, height * 3 / 4);
        g.dispose();
        return image;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Font font(Path file, float size) throws IOException {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(size);
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }
}
