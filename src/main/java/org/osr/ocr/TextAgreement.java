package org.osr.ocr;

import java.util.HashMap;
import java.util.Map;
import org.osr.normalize.Normalizer;

/**
 * Whether a page's OCR text and its text layer say the same thing: the share of character bigrams they have in
 * common (Dice), after osr's normalization and with everything but letters and digits dropped. OCR misreads a
 * character here and there, which costs two bigrams each; a text layer that is garbled, shifted to other code points
 * or of another text shares almost none.
 */
public final class TextAgreement {
    /** Below this share the two texts are of different things; a clean page read by OCR scores 0.6–0.95. */
    static final double MIN_AGREEMENT = 0.35;
    /** Texts with fewer bigrams than this are too short to compare (a page number, a caption). */
    static final int MIN_BIGRAMS = 10;

    private TextAgreement() {
    }

    /** False only when both texts are long enough to compare and share too few bigrams. */
    public static boolean agree(String ocrText, String textLayer) {
        double share = share(ocrText, textLayer);
        return Double.isNaN(share) || share >= MIN_AGREEMENT;
    }

    /** The Dice coefficient of the two texts' bigram multisets, or NaN when either is too short to compare. */
    static double share(String a, String b) {
        Map<String, Integer> x = bigrams(a), y = bigrams(b);
        int nx = x.values().stream().mapToInt(Integer::intValue).sum();
        int ny = y.values().stream().mapToInt(Integer::intValue).sum();
        if (nx < MIN_BIGRAMS || ny < MIN_BIGRAMS) {
            return Double.NaN;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        return 2.0 * common / (nx + ny);
    }

    private static Map<String, Integer> bigrams(String text) {
        String normalized = Normalizer.normalize(text).text();
        StringBuilder kept = new StringBuilder(normalized.length());
        normalized.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        Map<String, Integer> counts = new HashMap<>();
        int[] cps = kept.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            counts.merge(new String(cps, i, 2), 1, Integer::sum);
        }
        return counts;
    }
}
