package org.osr.normalize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Normalizes extracted text for matching, keeping a map back to the original so that findings can quote it.
 *
 * <p>One left-to-right pass over code points applies, in order:
 * <ol>
 *   <li>drop zero-width and format characters (U+200B–U+200F, U+202A–U+202E, U+2060–U+2064, U+FEFF, U+00AD,
 *       U+180E) and {@code '\r'};</li>
 *   <li>NFKC, one code point at a time so every output char has exactly one source ({@code ５}→{@code 5},
 *       U+3000→{@code ' '}, {@code ﹝}→{@code 〔}, {@code ㈠}→{@code (一)});</li>
 *   <li>{@link Character#toLowerCase(int)};</li>
 *   <li>traditional → simplified Chinese ({@link TraditionalToSimplified});</li>
 *   <li>every star glyph ({@code ☆ ⭐ ✪ ✯}, {@link StarGlyphs}) → {@code ★}; emoji presentation selectors are
 *       dropped with the zero-width characters;</li>
 *   <li>horizontal whitespace runs collapse to one {@code ' '}; a run disappears when the nearest chars on both
 *       sides are wide (CJK), or one is wide and the other an ASCII digit ({@code 机 密 ★ 5 年}→{@code 机密★5年}),
 *       and also when it touches the start or end of a line or of the text. Line breaks ({@code '\n'},
 *       {@code '\f'}) are never dropped or merged, so line and page numbers stay the same.</li>
 * </ol>
 *
 * <p>Everything for the Basic Multilingual Plane is precomputed into tables at class load, so the per-char work
 * is a few array reads; ASCII and CJK Unified Ideographs (which NFKC leaves alone) skip even those.
 * Thread-safe: all state is per call.
 */
public final class Normalizer {
    /** Bump whenever the output for some input changes: archived findings record the version they were made with. */
    public static final String VERSION = "2";

    private static final byte K_SINGLE = 0;
    private static final byte K_DROP = 1;
    private static final byte K_EXPAND = 2;
    private static final byte K_SURROGATE = 3;

    private static final byte C_OTHER = 0;
    private static final byte C_SPACE = 1;
    private static final byte C_WIDE = 2;
    private static final byte C_DIGIT = 3;
    private static final byte C_BREAK = 4;

    /** For each BMP char: what rules 1–4 make of it. */
    private static final byte[] KIND = new byte[0x10000];
    /** The replacement char for K_SINGLE, the expansion number for K_EXPAND. */
    private static final char[] SINGLE = new char[0x10000];
    /** Expansion k is {@code POOL[POOL_START[k] .. POOL_START[k + 1])}. */
    private static final char[] POOL;
    private static final int[] POOL_START;
    /** Whitespace-rule class of each BMP char as it appears in the output. */
    private static final byte[] CLASS = new byte[0x10000];

    static {
        StringBuilder pool = new StringBuilder();
        int[] starts = new int[64];
        int expansions = 0;
        for (int c = 0; c < 0x10000; c++) {
            CLASS[c] = classify(c);
            if (Character.isSurrogate((char) c)) {
                KIND[c] = K_SURROGATE;
                continue;
            }
            String mapped = isDropped(c) ? "" : hasNoNfkcMapping(c)
                    ? String.valueOf((char) TraditionalToSimplified.map(c))
                    : fold(String.valueOf((char) c));
            if (mapped.isEmpty()) {
                KIND[c] = K_DROP;
            } else if (mapped.length() == 1) {
                KIND[c] = K_SINGLE;
                SINGLE[c] = mapped.charAt(0);
            } else {
                KIND[c] = K_EXPAND;
                SINGLE[c] = (char) expansions;
                if (expansions + 2 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[expansions++] = pool.length();
                pool.append(mapped);
            }
        }
        starts[expansions] = pool.length();
        POOL = pool.toString().toCharArray();
        POOL_START = Arrays.copyOf(starts, expansions + 1);
    }

    private Normalizer() {
    }

    public static NormalizedText normalize(String original) {
        Objects.requireNonNull(original, "original");
        final int n = original.length();
        Pass p = new Pass(original);
        for (int i = 0; i < n; i++) {
            char c = original.charAt(i);
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    p.emit((char) (c + ('a' - 'A')), i);
                } else if (c != '\r') {
                    p.emit(c, i);
                }
            } else if (c >= TraditionalToSimplified.FIRST && c <= TraditionalToSimplified.LAST) {
                p.emit(TraditionalToSimplified.mapIdeograph(c), i);
            } else {
                switch (KIND[c]) {
                    case K_SINGLE -> p.emit(SINGLE[c], i);
                    case K_DROP -> { }
                    case K_EXPAND -> p.emitPooled(SINGLE[c], i);
                    default -> {
                        if (Character.isHighSurrogate(c) && i + 1 < n
                                && Character.isLowSurrogate(original.charAt(i + 1))) {
                            p.emitSupplementary(Character.toCodePoint(c, original.charAt(i + 1)), i);
                            i++;
                        } else {
                            p.emit(c, i); // lone surrogate: keep, it still needs an offset
                        }
                    }
                }
            }
        }
        return p.finish();
    }

    private static boolean isDropped(int cp) {
        return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064)
                || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == '\r'
                || StarGlyphs.isPresentationSelector(cp);
    }

    /** Big blocks NFKC and lowercasing leave alone; skipping them halves the table build time. */
    private static boolean hasNoNfkcMapping(int c) {
        return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7A3);
    }

    /** Rules 2–4 for one code point given as a string. */
    private static String fold(String codePoint) {
        String nfkc = java.text.Normalizer.normalize(codePoint, java.text.Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> sb.appendCodePoint(
                StarGlyphs.fold(TraditionalToSimplified.map(Character.toLowerCase(cp)))));
        return sb.toString();
    }

    private static byte classify(int c) {
        if (c == '\n' || c == '\f' || c == 0x0B || c == 0x85 || c == 0x2028 || c == 0x2029) {
            return C_BREAK;
        }
        if (c == ' ' || c == '\t' || Character.getType(c) == Character.SPACE_SEPARATOR) {
            return C_SPACE;
        }
        if (c >= '0' && c <= '9') {
            return C_DIGIT;
        }
        return isWide(c) ? C_WIDE : C_OTHER;
    }

    private static boolean isWide(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)     // CJK Unified Ideographs
                || (c >= 0x3400 && c <= 0x4DBF) // Extension A
                || (c >= 0xF900 && c <= 0xFAFF) // Compatibility Ideographs
                || (c >= 0x2E80 && c <= 0x2FDF) // radicals
                || (c >= 0x3000 && c <= 0x30FF) // CJK symbols and punctuation (《》【】〔〕…), kana
                || (c >= 0x3100 && c <= 0x312F) // bopomofo
                || (c >= 0xFE30 && c <= 0xFE4F) // CJK compatibility forms
                || (c >= 0xFF00 && c <= 0xFFEF) // full-width forms that survive NFKC
                || c == 0x2605 || c == 0x2606  // ★ ☆
                || (c >= 0x20000 && c <= 0x3FFFF); // Extension B and later, supplementary compatibility
    }

    /** Output under construction plus the state of the whitespace rule. */
    private static final class Pass {
        private final String original;
        private char[] out;
        private int[] map;
        private int len;
        /** Original index of the first char of a whitespace run not yet written, or -1. */
        private int pendingSpace = -1;
        /** Class of the last char written; a fresh text starts like a fresh line. */
        private byte left = C_BREAK;

        Pass(String original) {
            this.original = original;
            int capacity = original.length() + 16;
            out = new char[capacity];
            map = new int[capacity + 1];
        }

        void emit(char c, int src) {
            byte cls = CLASS[c];
            if (cls == C_SPACE) {
                if (pendingSpace < 0) {
                    pendingSpace = src;
                }
                return;
            }
            if (pendingSpace >= 0) {
                flushSpace(cls);
            }
            put(c, src);
            left = cls;
        }

        void emitCodePoint(int cp, int src) {
            if (cp < 0x10000) {
                emit((char) cp, src);
                return;
            }
            byte cls = isWide(cp) ? C_WIDE : C_OTHER;
            if (pendingSpace >= 0) {
                flushSpace(cls);
            }
            put(Character.highSurrogate(cp), src);
            put(Character.lowSurrogate(cp), src);
            left = cls;
        }

        void emitPooled(int expansion, int src) {
            int end = POOL_START[expansion + 1];
            for (int j = POOL_START[expansion]; j < end; j++) {
                char c = POOL[j];
                if (Character.isHighSurrogate(c) && j + 1 < end) {
                    emitCodePoint(Character.toCodePoint(c, POOL[++j]), src);
                } else {
                    emit(c, src);
                }
            }
        }

        void emitSupplementary(int cp, int src) {
            // Extension B and later ideographs are common in names and have no NFKC, case or T2S mapping.
            if (cp >= 0x20000 && cp < 0x2F800 || cp >= 0x30000 && cp <= 0x3FFFF) {
                emitCodePoint(cp, src);
                return;
            }
            String mapped = fold(original.substring(src, src + 2));
            for (int j = 0; j < mapped.length(); ) {
                int m = mapped.codePointAt(j);
                emitCodePoint(m, src);
                j += Character.charCount(m);
            }
        }

        private void flushSpace(byte right) {
            boolean drop = left == C_BREAK || right == C_BREAK
                    || (left == C_WIDE && (right == C_WIDE || right == C_DIGIT))
                    || (left == C_DIGIT && right == C_WIDE);
            if (!drop) {
                put(' ', pendingSpace);
            }
            pendingSpace = -1;
        }

        private void put(char c, int src) {
            if (len == out.length) {
                int capacity = out.length + (out.length >> 1) + 16;
                out = Arrays.copyOf(out, capacity);
                map = Arrays.copyOf(map, capacity + 1);
            }
            out[len] = c;
            map[len] = src;
            len++;
        }

        NormalizedText finish() {
            // A run still pending touches the end of the text, so it is dropped.
            map[len] = original.length();
            int[] toOriginal = map.length == len + 1 ? map : Arrays.copyOf(map, len + 1);
            return new NormalizedText(original, new String(out, 0, len), toOriginal);
        }
    }
}
