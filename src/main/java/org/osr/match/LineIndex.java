package org.osr.match;

import java.util.Arrays;

/**
 * Pages and lines of one part's (normalized) text, which keeps the original's line and page breaks. Pages are
 * separated by {@code '\f'}, lines by {@code '\n'}. Gives, for any offset, the page, the line within the page and
 * the rank of that line among the non-blank lines of its page (what "the first N lines" means on paper).
 */
final class LineIndex {
    private final String text;
    private final int[] lineStarts;
    private final int[] pageOfLine;
    private final int[] lineInPage;
    private final int[] rankInPage;

    LineIndex(String text) {
        this.text = text;
        int lines = 1;
        for (int i = 0; i < text.length(); i++) {
            if ((i & 0xFFFF) == 0) {
                MatchInterruptedException.check();
            }
            char c = text.charAt(i);
            if (c == '\n' || c == '\f') {
                lines++;
            }
        }
        lineStarts = new int[lines];
        pageOfLine = new int[lines];
        lineInPage = new int[lines];
        rankInPage = new int[lines];
        int line = 0;
        int page = 1;
        int physical = 1;
        int rank = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            char c = end ? '\n' : text.charAt(i);
            if (c == '\n' || c == '\f') {
                lineStarts[line] = start;
                pageOfLine[line] = page;
                lineInPage[line] = physical;
                rankInPage[line] = isBlank(text, start, i) ? 0 : ++rank;
                line++;
                start = i + 1;
                if (c == '\f') {
                    page++;
                    physical = 1;
                    rank = 0;
                } else {
                    physical++;
                }
            }
        }
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    int count() {
        return lineStarts.length;
    }

    int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    int page(int line) {
        return pageOfLine[line];
    }

    /** 1-based line number within the page (or within the part when it has no pages). */
    int lineInPage(int line) {
        return lineInPage[line];
    }

    /** 1-based rank among non-blank lines of the page; blank lines are not counted. */
    int rank(int line) {
        return rankInPage[line];
    }

    int lineStart(int line) {
        return lineStarts[line];
    }

    int lineEnd(int line) {
        return line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length();
    }
}
