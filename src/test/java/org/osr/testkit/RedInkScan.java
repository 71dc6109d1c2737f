package org.osr.testkit;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * Scanned notices with red ink: a red head or stamp (e.g. {@code 机密★5年}) printed over the top of black typed text,
 * as a scan of a stamped page shows it (the red is translucent: black under it stays black). Also the PDFs such a scan
 * ends up in: under a few typed lines, or as a "searchable" scan with an invisible text layer.
 */
public final class RedInkScan {
    /** The black text of the page: an ordinary notice. */
    public static final List<String> NOTICE = List.of("东城区人民政府关于做好防汛工作的通知", "各街道办事处，区政府各部门：",
            "现将有关事项通知如下，请认真贯彻执行。", "区人民政府办公室");
    /** The same notice as text, for a text layer that matches the picture. */
    public static final String NOTICE_TEXT = String.join("\n", NOTICE);
    private static final Color RED = new Color(210, 30, 35);
    private static final float MM = 72f / 25.4f;
    private static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private RedInkScan() {
    }

    /** A 2000 × 1200 pixel scan (about 300 dpi): {@code red} in red across the top, overlapping the first line. */
    public static BufferedImage render(String red) throws IOException {
        BufferedImage page = new BufferedImage(2000, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        for (int i = 0; i < NOTICE.size(); i++) {
            ScannedPage.drawLine(g, NOTICE.get(i), 120, 300 + i * 150, 64f);
        }
        g.dispose();
        BufferedImage ink = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D r = ink.createGraphics();
        r.setColor(Color.WHITE);
        r.fillRect(0, 0, ink.getWidth(), ink.getHeight());
        r.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        r.setColor(RED);
        ScannedPage.drawLine(r, red, 700, 250, 110f);   // its lowest strokes touch the first black line
        r.dispose();
        multiply(page, ink);
        return page;
    }

    /** Ink on paper: each channel is the product of both layers, so black under red stays black. */
    private static void multiply(BufferedImage page, BufferedImage ink) {
        for (int y = 0; y < page.getHeight(); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                int a = page.getRGB(x, y), b = ink.getRGB(x, y);
                int rgb = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    rgb |= (((a >> shift) & 0xff) * ((b >> shift) & 0xff) / 255) << shift;
                }
                page.setRGB(x, y, rgb);
            }
        }
    }

    public static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static Path png(Path file, String red) throws IOException {
        ImageIO.write(render(red), "png", file.toFile());
        return file;
    }

    /** An A4 page: a few typed lines at the top, the scan below them across most of the page. */
    public static Path pdfUnderTypedLines(Path file, BufferedImage scan, List<String> typed) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            float w = page.getMediaBox().getWidth(), h = page.getMediaBox().getHeight();
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                PDType0Font font = PDType0Font.load(pdf, CJK_FONT.toFile());
                float y = h - 30 * MM;
                for (String line : typed) {
                    cs.beginText();
                    cs.setFont(font, 14);
                    cs.newLineAtOffset(25 * MM, y);
                    cs.showText(line);
                    cs.endText();
                    y -= 22;
                }
                float imageW = w - 50 * MM, imageH = imageW * scan.getHeight() / scan.getWidth();
                cs.drawImage(LosslessFactory.createFromImage(pdf, scan), 25 * MM, y - 10 - imageH, imageW, imageH);
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    /**
     * A "searchable" scan: the scan fills the top of the page and an invisible text layer (render mode 3, as OCR
     * software writes it) lies over it, saying {@code invisible}, which need not be what the picture shows.
     */
    public static Path searchablePdf(Path file, BufferedImage scan, String invisible) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            float w = page.getMediaBox().getWidth(), h = page.getMediaBox().getHeight();
            float imageH = w * scan.getHeight() / scan.getWidth();
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.drawImage(LosslessFactory.createFromImage(pdf, scan), 0, h - imageH, w, imageH);
                PDType0Font font = PDType0Font.load(pdf, CJK_FONT.toFile());
                cs.beginText();
                cs.setRenderingMode(RenderingMode.NEITHER);
                cs.setFont(font, 14);
                cs.setLeading(36);
                cs.newLineAtOffset(30, h - 80);
                for (String line : invisible.split("\n")) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            pdf.save(file.toFile());
        }
        return file;
    }
}
