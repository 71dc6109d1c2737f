package org.osr.clean;

import java.util.ArrayList;
import java.util.List;
import org.osr.review.Redactor;

/**
 * Masks pieces of text that a reader sees as one line (a paragraph's runs, a block's text nodes) together, so a
 * value split across pieces is found whole, and hands each piece back its own share of the masked line. The mask
 * keeps every character's position, so each piece keeps its length and its formatting.
 */
final class JoinedText {
    /** Unchanged characters between two masked stretches of one value (Masker shows the ends of long values). */
    private static final int SAME_VALUE_GAP = 4;

    record Masked(List<String> pieces, int values) {
        boolean changed() {
            return values > 0;
        }
    }

    private JoinedText() {
    }

    static Masked mask(List<String> pieces, Redactor redactor) {
        String joined = String.join("", pieces);
        String masked = redactor.mask(joined);
        if (masked.equals(joined)) {
            return new Masked(pieces, 0);
        }
        if (masked.length() != joined.length()) {
            throw new IllegalStateException("a mask changed the length of the text");
        }
        List<String> out = new ArrayList<>(pieces.size());
        int at = 0;
        for (String p : pieces) {
            out.add(masked.substring(at, at + p.length()));
            at += p.length();
        }
        return new Masked(out, values(joined, masked));
    }

    /** Stretches of changed characters, those close together counted as one value. */
    static int values(String before, String after) {
        int values = 0;
        int lastChanged = Integer.MIN_VALUE / 2;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) != after.charAt(i)) {
                if (i - lastChanged > SAME_VALUE_GAP + 1) {
                    values++;
                }
                lastChanged = i;
            }
        }
        return values;
    }
}
