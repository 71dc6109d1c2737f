package org.osr.extract;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Stars drawn with a symbol font in a PDF, turned into the ★ or ☆ the marking rules look for. Word writes a symbol
 * font's character as U+F000 plus its code, so a Wingdings star exported to PDF reads as U+F0AB; which star that is
 * depends on the font, so the fonts of such glyphs are looked up with PDFBox (only when the text has any). Stars that
 * did decode to one of Unicode's other stars (a ZapfDingbats ✭, an emoji ⭐) are mapped too.
 */
final class PdfSymbolGlyphs {
    private static final char BLACK = '★';
    private static final char WHITE = '☆';
    /** Wingdings codes of stars (Microsoft's chart: 0xA9 three-, 0xAA four-, 0xAB five-pointed … 0xB6 shadowed). */
    private static final Map<Integer, Character> WINGDINGS = Map.of(0xA9, BLACK, 0xAA, BLACK, 0xAB, BLACK,
            0xAC, BLACK, 0xAD, BLACK, 0xAE, BLACK, 0xAF, BLACK, 0xB5, WHITE, 0xB6, WHITE);
    /** ZapfDingbats codes of stars (Adobe's chart: 0x46 ✦ to 0x50 ✰, 0x54 ✴ to 0x59 ✹). */
    private static final Map<Integer, Character> ZAPF_DINGBATS = Map.ofEntries(Map.entry(0x46, BLACK),
            Map.entry(0x47, WHITE), Map.entry(0x48, BLACK), Map.entry(0x49, WHITE), Map.entry(0x4A, WHITE),
            Map.entry(0x4B, BLACK), Map.entry(0x4C, BLACK), Map.entry(0x4D, BLACK), Map.entry(0x4E, BLACK),
            Map.entry(0x4F, BLACK), Map.entry(0x50, WHITE), Map.entry(0x54, BLACK), Map.entry(0x55, BLACK),
            Map.entry(0x56, BLACK), Map.entry(0x57, BLACK), Map.entry(0x58, BLACK), Map.entry(0x59, BLACK));

    private PdfSymbolGlyphs() {
    }

    /** {@code text} (extracted from {@code pdf}) with symbol-font stars as ★/☆; other private-use glyphs stay. */
    static String map(PdfFile pdf, String text) {
        Map<Integer, Character> stars = text.codePoints().anyMatch(c -> c >= 0xF000 && c <= 0xF0FF)
                ? symbolStars(pdf) : Map.of();
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            Character star = stars.containsKey(c) ? stars.get(c) : unicodeStar(c);
            if (star != null) {
                out.append(star.charValue());
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** The other stars of Unicode, as the black or white star they show. */
    static Character unicodeStar(int c) {
        return switch (c) {
            case 0x2726, 0x272B, 0x272C, 0x272D, 0x272E, 0x272F, 0x2734, 0x2735, 0x2736, 0x2737, 0x2738, 0x2739,
                 0x2B50, 0x2B51, 0x1F31F -> BLACK;
            case 0x2727, 0x2729, 0x272A, 0x2730, 0x2B52 -> WHITE;
            default -> null;
        };
    }

    /**
     * The stars among the U+F0xx glyphs of the file, by the font they were drawn in. A code drawn in two symbol
     * fonts whose charts disagree is left alone: it stays private-use and counts as undecodable.
     */
    private static Map<Integer, Character> symbolStars(PdfFile pdf) {
        Map<Integer, Character> stars = new HashMap<>();
        Set<Integer> dropped = new HashSet<>();
        try {
            PDDocument doc = pdf.document();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition position) {
                    String unicode = position.getUnicode();
                    if (unicode == null || unicode.length() != 1 || unicode.charAt(0) < 0xF000
                            || unicode.charAt(0) > 0xF0FF) {
                        return;
                    }
                    int c = unicode.charAt(0);
                    Character star = chart(position.getFont() == null ? "" : position.getFont().getName())
                            .get(c - 0xF000);
                    Character before = star == null ? null : stars.putIfAbsent(c, star);
                    if (star == null || before != null && !before.equals(star)) {
                        dropped.add(c);
                    }
                }
            };
            stripper.writeText(doc, Writer.nullWriter());
        } catch (IOException | RuntimeException e) {
            return Map.of();   // the private-use glyphs then stay, and count as undecodable
        }
        stars.keySet().removeAll(dropped);
        return stars;
    }

    private static Map<Integer, Character> chart(String fontName) {
        String name = fontName.substring(fontName.indexOf('+') + 1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (name.startsWith("wingdings2") || name.startsWith("wingdings3")) {
            return Map.of();
        }
        if (name.startsWith("wingdings")) {
            return WINGDINGS;
        }
        if (name.contains("dingbats")) {
            return ZAPF_DINGBATS;
        }
        return Map.of();
    }
}
