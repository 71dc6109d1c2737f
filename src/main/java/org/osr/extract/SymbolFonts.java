package org.osr.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a character in one of Word's symbol fonts shows. Word's Insert › Symbol writes such a character as
 * {@code <w:sym w:font="Wingdings" w:char="F0AB"/>}, or as an ordinary run in that font holding the font's own code
 * (0x20–0xFF, or the same plus U+F000 in the private use area): the text says {@code «} or U+F0AB, the page shows ★.
 *
 * <p>The tables hold the stars (so {@code 机密★5年} typed that way is a marking), the bullets, boxes, ticks and
 * circled numbers documents use, and the Symbol font's Greek and mathematical letters. A code outside them is
 * {@link #UNMAPPED}: the caller counts it as undecodable rather than guess. Code charts: Unicode's mappings of the
 * Wingdings fonts (L2/11-052, added in Unicode 7.0) and Adobe's Symbol encoding.
 */
final class SymbolFonts {
    static final int UNMAPPED = -1;

    private static final Map<String, Map<Integer, Integer>> FONTS = Map.of(
            "wingdings", table(
                    0x28, 0x1F57F, 0x2A, 0x1F582, 0x4A, 0x263A, 0x4C, 0x2639,
                    0x6C, 0x25CF, 0x6D, 0x1F53E, 0x6E, 0x25FC, 0x6F, 0x25A1, 0x70, 0x1F790, 0x71, 0x2751,
                    0x72, 0x2752, 0x73, 0x1F79F, 0x74, 0x29EB, 0x75, 0x25C6, 0x76, 0x2756, 0x77, 0x2B29,
                    0x78, 0x2327, 0x9E, 0x2219, 0x9F, 0x2022, 0xA0, 0x2B1D, 0xA1, 0x2B58, 0xA4, 0x1F78A,
                    0xA5, 0x1F78B, 0xA7, 0x25AA, 0xA8, 0x1F78E,
                    // the star row: 0xAB is the five-pointed ★ of a marking; the others are its kin
                    0xA9, 0x1F7C1, 0xAA, 0x1F7C5, 0xAB, 0x2605, 0xAC, 0x1F7CB, 0xAD, 0x1F7CF, 0xAE, 0x1F7D3,
                    0xAF, 0x1F7D1, 0xB5, 0x272A, 0xB6, 0x2730,
                    0xD8, 0x2B9A, 0xE0, 0x1F86A, 0xE8, 0x1F87A, 0xEF, 0x21E6, 0xF0, 0x21E8,
                    0xFB, 0x1F5F6, 0xFC, 0x2713, 0xFD, 0x1F5F7, 0xFE, 0x1F5F9,
                    0x80, 0x1F10B, 0x81, 0x2780, 0x82, 0x2781, 0x83, 0x2782, 0x84, 0x2783, 0x85, 0x2784,
                    0x86, 0x2785, 0x87, 0x2786, 0x88, 0x2787, 0x89, 0x2788, 0x8A, 0x2789, 0x8B, 0x1F10C,
                    0x8C, 0x278A, 0x8D, 0x278B, 0x8E, 0x278C, 0x8F, 0x278D, 0x90, 0x278E, 0x91, 0x278F,
                    0x92, 0x2790, 0x93, 0x2791, 0x94, 0x2792, 0x95, 0x2793),
            "wingdings2", table(
                    0x4F, 0x1F5F4, 0x50, 0x1F5F8, 0x51, 0x1F5F5, 0x52, 0x2611, 0x53, 0x2BBD, 0x54, 0x2612,
                    0x97, 0x2981, 0x98, 0x25CF, 0x99, 0x25CB, 0x9A, 0x1F785, 0xA2, 0x25A0, 0xA3, 0x25A1,
                    0xA8, 0x25A3,
                    // light and heavy five-pointed black stars: weights of the marking's ★
                    0xE9, 0x2605, 0xEA, 0x2605,
                    0xE5, 0x1F7C0, 0xE6, 0x1F7C2, 0xE7, 0x1F7C4, 0xE8, 0x1F7C6, 0xEB, 0x2736, 0xEC, 0x1F7CC,
                    0xED, 0x1F7CE, 0xEE, 0x1F7D0, 0xEF, 0x1F7D2, 0xF0, 0x2739, 0xF1, 0x1F7C3, 0xF2, 0x1F7C7,
                    0xF3, 0x272F, 0xF4, 0x1F7CD, 0xF5, 0x1F7D4),
            "wingdings3", table(), // arrows and triangles: counted as unmapped until a document needs them
            "webdings", table(0x6C, 0x1F7C8, 0x98, 0x272F),
            "symbol", symbol());

    private SymbolFonts() {
    }

    /** Whether text in this font shows the font's own pictures instead of the characters the text holds. */
    static boolean isSymbolFont(String font) {
        return font != null && FONTS.containsKey(key(font));
    }

    /**
     * The code point a character of {@code font} shows, or {@link #UNMAPPED}. For a font that is not a symbol font
     * the character is itself, except a private-use code in the U+F0xx range, which only a symbol font gives a face.
     */
    static int toUnicode(String font, int code) {
        Map<Integer, Integer> table = font == null ? null : FONTS.get(key(font));
        if (table == null) {
            return code >= 0xF000 && code <= 0xF0FF ? UNMAPPED : code;
        }
        int c = code >= 0xF000 && code <= 0xF0FF ? code - 0xF000 : code;
        if (c == 0x20) {
            return ' ';
        }
        return c > 0xFF ? code : table.getOrDefault(c, UNMAPPED);
    }

    /** Whether {@code code} is one a symbol font draws from its own table (and not, say, a CJK character). */
    static boolean isFontCode(int code) {
        return code <= 0xFF || code >= 0xF000 && code <= 0xF0FF;
    }

    private static String key(String font) {
        return font.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static Map<Integer, Integer> table(int... pairs) {
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(map);
    }

    /** Adobe's Symbol encoding: ASCII punctuation and digits as themselves, letters Greek, the upper half maths. */
    private static Map<Integer, Integer> symbol() {
        Map<Integer, Integer> map = new HashMap<>();
        for (int c = 0x21; c <= 0x7E; c++) {
            map.put(c, c);
        }
        String upper = "ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ";
        String lower = "αβχδεφγηιϕκλμνοπθρστυϖωξψζ";
        for (int i = 0; i < 26; i++) {
            map.put('A' + i, (int) upper.charAt(i));
            map.put('a' + i, (int) lower.charAt(i));
        }
        // 0x2A is the asterisk operator ∗; as ASCII * the asterisk form of a marking (秘密*10年) is still found
        int[] pairs = {0x22, 0x2200, 0x24, 0x2203, 0x27, 0x220D, 0x2D, 0x2212, 0x40, 0x2245, 0x5C, 0x2234,
            0x5E, 0x22A5, 0x60, 0x203E, 0x7E, 0x223C};
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        String high = "ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑";
        for (int i = 0; i < high.length(); i++) {
            map.put(0xA1 + i, (int) high.charAt(i));
        }
        map.put(0xF1, 0x232A);
        map.put(0xF2, 0x222B);
        return Map.copyOf(map);
    }
}
