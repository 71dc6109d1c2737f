package org.osr.index;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * One token per character (code point) that is not whitespace: the unigram field, for one-character rule terms
 * ({@code 密}, {@code ★}) which the bigram field cannot hold.
 */
final class CodePointTokenizer extends Tokenizer {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsets = addAttribute(OffsetAttribute.class);
    private int position;
    private int pending = -2;

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (true) {
            int c = nextCodePoint();
            if (c == -1) {
                return false;
            }
            int start = position - Character.charCount(c);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                term.setEmpty();
                term.append(new String(Character.toChars(c)));
                offsets.setOffset(correctOffset(start), correctOffset(position));
                return true;
            }
        }
    }

    private int nextCodePoint() throws IOException {
        int c = pending != -2 ? pending : input.read();
        pending = -2;
        if (c == -1) {
            return -1;
        }
        position++;
        if (Character.isHighSurrogate((char) c)) {
            int low = input.read();
            if (low != -1 && Character.isLowSurrogate((char) low)) {
                position++;
                return Character.toCodePoint((char) c, (char) low);
            }
            pending = low;
        }
        return c;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(position);
        offsets.setOffset(last, last);
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        position = 0;
        pending = -2;
    }
}
