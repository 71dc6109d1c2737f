package org.osr.ocr;

import java.util.HashMap;
import java.util.Map;
import org.osr.normalize.Normalizer;

/**
 * Whether a page's text layer says what OCR read on the page: the share of the text layer's character bigrams that
 * are also in the OCR text, after osr's normalization and with everything but letters and digits dropped. OCR
 * misreads a character here and there, which costs two bigrams each; a text layer that is garbled, shifted to other
 * code points or of another text shares almost none. OCR reads more than the text layer holds on a page of typed
 * lines over a picture; that is not a disagreement, so the share is of the text layer only.
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

    /** The share of the text layer's bigrams (a multiset) found in the OCR text, or NaN when either is too short. */
    static double share(String ocrText, String textLayer) {
        Map<String, Integer> x = bigrams(ocrText), y = bigrams(textLayer);
        int nx = x.values().stream().mapToInt(Integer::intValue).sum();
        int ny = y.values().stream().mapToInt(Integer::intValue).sum();
        if (nx < MIN_BIGRAMS || ny < MIN_BIGRAMS) {
            return Double.NaN;
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) {
            common += Math.min(e.getValue(), y.getOrDefault(e.getKey(), 0));
        }
        return (double) common / ny;
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
