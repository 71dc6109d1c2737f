package org.osr.normalize;

/**
 * Star glyphs that stand where a state-secret marking puts its ★: the white star ☆ (a common mistyping), the emoji
 * star ⭐, the outlined, circled, shadowed and pinwheel stars of the Dingbats block, and the weighted stars Unicode
 * added for the Wingdings fonts. Matching sees all of them as ★, so {@code 机密⭐5年} is {@code 机密★5年}.
 */
public final class StarGlyphs {
    public static final char STAR = '★';

    private StarGlyphs() {
    }

    public static boolean isStar(int cp) {
        return cp == 0x2605 || cp == 0x2606                // ★ ☆
                || cp == 0x269D                            // ⚝ outlined white star
                || (cp >= 0x2729 && cp <= 0x2730)          // ✩ ✪ ✫ ✬ ✭ ✮ ✯ ✰
                || (cp >= 0x2B50 && cp <= 0x2B52)          // ⭐ ⭑ ⭒
                || cp == 0x1F31F                           // 🌟 glowing star
                || (cp >= 0x1F7C0 && cp <= 0x1F7D4);       // three- to twelve-pointed stars (Wingdings)
    }

    /** ★ for any star, else the code point itself. */
    public static int fold(int cp) {
        return isStar(cp) ? STAR : cp;
    }

    /** Emoji and text presentation selectors (⭐️ is U+2B50 U+FE0F): they change how a star looks, not what it is. */
    public static boolean isPresentationSelector(int cp) {
        return cp == 0xFE0E || cp == 0xFE0F;
    }
}
