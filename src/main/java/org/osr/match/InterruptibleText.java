package org.osr.match;

/**
 * A text that a regex or the term automaton reads one char at a time, checking every few thousand reads whether the
 * thread was interrupted. RE2/J reads its input only through {@link #charAt}, so this stops even a regex that runs
 * for minutes; a check costs a volatile read, a few thousand chars take microseconds.
 */
final class InterruptibleText implements CharSequence {
    private static final int CHECK_MASK = 4096 - 1;

    private final CharSequence text;
    private int reads;

    InterruptibleText(CharSequence text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if ((++reads & CHECK_MASK) == 0) {
            MatchInterruptedException.check();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
