package org.osr.index;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;
import org.osr.normalize.NormalizedText;
import org.osr.normalize.Normalizer;

/**
 * osr's {@link Normalizer} as a Lucene {@code CharFilter}: the tokenizer sees the text the matcher sees, and token
 * offsets are corrected back to the original text through the normalizer's offset map. The normalizer needs a whole
 * text (its whitespace rule looks at both neighbours of a run), so the input is read in full on the first read.
 *
 * <p>One correction serves start and end offsets alike, so a start offset is exact and an end offset runs on over
 * anything the normalizer dropped right after the token (a collapsed space, a zero-width char). Exact spans come
 * from re-normalizing the stored original ({@link org.osr.normalize.NormalizedText#originalEnd}).
 */
final class NormalizingCharFilter extends BaseCharFilter {
    private String normalized;
    private int next;

    NormalizingCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (normalized == null) {
            normalized = normalize(readAll(input));
        }
        if (next >= normalized.length()) {
            return -1;
        }
        int n = Math.min(length, normalized.length() - next);
        normalized.getChars(next, next + n, buffer, offset);
        next += n;
        return n;
    }

    private String normalize(String original) {
        NormalizedText text = Normalizer.normalize(original);
        int[] toOriginal = text.toOriginal();
        int diff = 0;
        for (int i = 0; i < toOriginal.length; i++) {
            int d = toOriginal[i] - i;
            if (d != diff) {
                addOffCorrectMap(i, d);
                diff = d;
            }
        }
        return text.text();
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] chunk = new char[8192];
        for (int n; (n = reader.read(chunk)) != -1; ) {
            sb.append(chunk, 0, n);
        }
        return sb.toString();
    }
}
