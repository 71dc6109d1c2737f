package org.osr.testkit;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/** A scanned-looking notice page: black text on white, about 300 dpi, with {@code 机密★5年} on line 2. */
public final class ScannedPage {
    public static final List<String> LINES = List.of("000318", "机密★5年", "××区人民政府关于做好防汛工作的通知",
            "各街道办事处，区政府各部门：", "现将有关事项通知如下。");
    private static final Path CJK = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");
    private static final Path LATIN = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    private static final float SIZE = 72f;

    private ScannedPage() {
    }

    public static BufferedImage render() throws IOException {
        BufferedImage page = new BufferedImage(2400, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        for (int i = 0; i < LINES.size(); i++) {
            drawLine(g, LINES.get(i), 150, 150 + i * 160, SIZE);
        }
        g.dispose();
        return page;
    }

    /** Writes the page as an image; the format is the file's extension (png, jpg, tif). */
    public static Path image(Path file) throws IOException {
        String name = file.getFileName().toString();
        String format = name.substring(name.lastIndexOf('.') + 1);
        if (!ImageIO.write(render(), format.equals("jpg") ? "jpeg" : format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
        return file;
    }

    /** An image-only PDF: one page, the scan drawn across its width, no text layer. */
    public static Path pdf(Path file) throws IOException {
        BufferedImage scan = render();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            float width = page.getMediaBox().getWidth();
            float height = width * scan.getHeight() / scan.getWidth();
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.drawImage(LosslessFactory.createFromImage(pdf, scan), 0,
                        page.getMediaBox().getHeight() - height, width, height);
            }
            pdf.save(file.toFile());
        }
        return file;
    }

    /**
     * Draws one line in the graphics' colour from {@code x} on baseline {@code y}. Droid Sans Fallback has no Latin
     * digits or ★: those glyphs are drawn with DejaVu, as a printed page has them.
     */
    public static void drawLine(Graphics2D g, String line, int x, int y, float size) throws IOException {
        Font cjk = font(CJK).deriveFont(size);
        Font latin = font(LATIN).deriveFont(size);
        for (int cp : line.codePoints().toArray()) {
            String ch = Character.toString(cp);
            g.setFont(cjk.canDisplay(cp) ? cjk : latin);
            g.drawString(ch, x, y);
            x += g.getFontMetrics().stringWidth(ch);
        }
    }

    private static final java.util.Map<Path, Font> FONTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Font font(Path path) throws IOException {
        Font loaded = FONTS.get(path);
        if (loaded != null) {
            return loaded;
        }
        try {
            Font font = Font.createFont(Font.TRUETYPE_FONT, path.toFile()).deriveFont(SIZE);
            FONTS.put(path, font);
            return font;
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }
}
