package org.osr.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Renders a page of text the way a scanner delivers it: A4 at a given resolution, off-white paper, a chosen font and
 * ink, then skew, speckle noise; {@link PageFiles} writes it as PNG, JPEG or an image-only PDF.
 */
final class ScanLook {
    static final Color PAPER = new Color(250, 249, 245);
    static final Color BLACK = new Color(20, 20, 20);
    static final Color GREY = new Color(125, 125, 125);
    /** Red as a scanner sees a red stamp or a red head: lighter and less saturated than the printer's red. */
    static final Color RED = new Color(215, 55, 50);
    private static final Path LATIN = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    /** Debian fonts standing in for the four faces official documents use. */
    enum Face {
        HEI("黑体≈WenQuanYi Zen Hei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "WenQuanYi Zen Hei",
                "fonts-wqy-zenhei"),
        SONG("宋体≈AR PL UMing CN", "/usr/share/fonts/truetype/arphic/uming.ttc", "AR PL UMing CN", "fonts-arphic-uming"),
        KAI("楷体/仿宋≈AR PL UKai CN", "/usr/share/fonts/truetype/arphic/ukai.ttc", "AR PL UKai CN", "fonts-arphic-ukai"),
        DROID("Droid Sans Fallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "Droid Sans Fallback",
                "fonts-droid-fallback");

        final String label;
        final Path file;
        final String family;
        final String aptPackage;

        Face(String label, String file, String family, String aptPackage) {
            this.label = label;
            this.file = Path.of(file);
            this.family = family;
            this.aptPackage = aptPackage;
        }

        boolean installed() {
            return Files.isReadable(file);
        }

        /** The face at 1 pt; a TrueType collection is searched for the family (uming.ttc starts with the TW face). */
        Font load() throws IOException {
            try {
                Font[] fonts = Font.createFonts(file.toFile());
                return Arrays.stream(fonts).filter(f -> f.getFamily().equals(family)).findFirst().orElse(fonts[0]);
            } catch (FontFormatException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** One run of text: where, how large, which ink; x &lt; 0 means right-aligned |x| points from the right margin. */
    record Line(String text, double xPt, double yPt, double sizePt, Color ink, Optional<Face> face) {
        static Line at(String text, double xPt, double yPt, double sizePt, Color ink) {
            return new Line(text, xPt, yPt, sizePt, ink, Optional.empty());
        }
    }

    /** A filled rectangle: the red line under a red head, a table's ruling. */
    record Rule(double xPt, double yPt, double widthPt, double heightPt, Color ink) {
    }

    private final Font latin;

    ScanLook() throws IOException {
        try {
            latin = Font.createFont(Font.TRUETYPE_FONT, LATIN.toFile());
        } catch (FontFormatException e) {
            throw new IOException(e);
        }
    }

    static final double A4_WIDTH_PT = 595.3;
    static final double A4_HEIGHT_PT = 841.9;

    BufferedImage render(List<Line> lines, List<Rule> rules, Font bodyFont, FontCache faces, int dpi) throws IOException {
        double scale = dpi / 72.0;
        int w = (int) Math.round(A4_WIDTH_PT * scale);
        int h = (int) Math.round(A4_HEIGHT_PT * scale);
        BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (Rule r : rules) {
            g.setColor(r.ink());
            g.fillRect((int) (r.xPt() * scale), (int) (r.yPt() * scale), Math.max(1, (int) (r.widthPt() * scale)),
                    Math.max(1, (int) (r.heightPt() * scale)));
        }
        for (Line line : lines) {
            Font base = line.face().isPresent() ? faces.get(line.face().get()) : bodyFont;
            Font cjk = base.deriveFont((float) (line.sizePt() * scale));
            Font lat = latin.deriveFont((float) (line.sizePt() * scale));
            g.setColor(line.ink());
            double width = 0;
            for (int cp : line.text().codePoints().toArray()) {
                width += g.getFontMetrics(cjk.canDisplay(cp) ? cjk : lat).stringWidth(Character.toString(cp));
            }
            double x = line.xPt() >= 0 ? line.xPt() * scale : w + line.xPt() * scale - width;
            int y = (int) Math.round(line.yPt() * scale);
            for (int cp : line.text().codePoints().toArray()) {
                String ch = Character.toString(cp);
                // A face without a glyph (★ or Latin digits in some CJK fonts) borrows it, as a typesetter would.
                g.setFont(cjk.canDisplay(cp) ? cjk : lat);
                g.drawString(ch, (float) x, y);
                x += g.getFontMetrics().stringWidth(ch);
            }
        }
        g.dispose();
        return page;
    }

    static BufferedImage skew(BufferedImage page, double degrees) {
        if (degrees == 0) {
            return page;
        }
        BufferedImage out = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(PAPER);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(degrees), page.getWidth() / 2.0,
                page.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** Speckle: dark dust specks of 1–3 scanner pixels (at 300 dpi; scaled) and a few white drop-outs. */
    static void speckle(BufferedImage page, int dpi, Random random) {
        int w = page.getWidth();
        int h = page.getHeight();
        int specks = w * h / 3000;
        int maxRadius = Math.max(1, (int) Math.round(1.5 * dpi / 300.0));
        for (int i = 0; i < specks; i++) {
            int cx = random.nextInt(w);
            int cy = random.nextInt(h);
            int r = 1 + random.nextInt(maxRadius);
            boolean dark = random.nextInt(5) != 0;
            int grey = dark ? 30 + random.nextInt(90) : 250;
            int rgb = (grey << 16) | (grey << 8) | grey;
            for (int y = Math.max(0, cy - r + 1); y < Math.min(h, cy + r); y++) {
                for (int x = Math.max(0, cx - r + 1); x < Math.min(w, cx + r); x++) {
                    page.setRGB(x, y, rgb);
                }
            }
        }
    }

    /** Faces loaded once per run. */
    static final class FontCache {
        private final java.util.EnumMap<Face, Font> fonts = new java.util.EnumMap<>(Face.class);

        Font get(Face face) throws IOException {
            Font f = fonts.get(face);
            if (f == null) {
                f = face.load();
                fonts.put(face, f);
            }
            return f;
        }
    }
}
