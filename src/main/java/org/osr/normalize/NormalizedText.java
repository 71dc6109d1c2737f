package org.osr.normalize;

import java.util.Arrays;
import java.util.Objects;

/**
 * Normalized text plus a map from each of its chars back to the original.
 *
 * <p>{@code toOriginal[i]} is the index in {@code original} of the char (the first char, for a surrogate pair)
 * that produced {@code text.charAt(i)}; {@code toOriginal[text.length()] == original.length()}. The array is
 * shared, not copied: callers must not modify it.
 *
 * @param original   the text as extracted
 * @param text       the text after {@link Normalizer#normalize}
 * @param toOriginal offset map, {@code text.length() + 1} long, non-decreasing
 */
public record NormalizedText(String original, String text, int[] toOriginal) {

    public NormalizedText {
        Objects.requireNonNull(original, "original");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(toOriginal, "toOriginal");
        if (toOriginal.length != text.length() + 1) {
            throw new IllegalArgumentException(
                    "toOriginal has " + toOriginal.length + " entries for " + text.length() + " chars");
        }
    }

    /** Index in the original where the span starting at {@code normalizedStart} starts. */
    public int originalStart(int normalizedStart) {
        Objects.checkIndex(normalizedStart, toOriginal.length);
        return toOriginal[normalizedStart];
    }

    /**
     * Index in the original just after the source char that produced {@code text.charAt(normalizedEnd - 1)}, so a
     * span never ends inside a surrogate pair or halfway through a char that expanded into several. For 0 it is
     * {@code originalStart(0)}.
     */
    public int originalEnd(int normalizedEnd) {
        Objects.checkIndex(normalizedEnd, toOriginal.length);
        if (normalizedEnd == 0) {
            return toOriginal[0];
        }
        int p = toOriginal[normalizedEnd - 1];
        return p + Character.charCount(original.codePointAt(p));
    }

    /** The original text behind {@code text.substring(normalizedStart, normalizedEnd)}. */
    public String originalSlice(int normalizedStart, int normalizedEnd) {
        Objects.checkFromToIndex(normalizedStart, normalizedEnd, text.length());
        if (normalizedStart == normalizedEnd) {
            return "";
        }
        return original.substring(originalStart(normalizedStart), originalEnd(normalizedEnd));
    }

    // The generated record members would compare and print the array by identity.
    @Override
    public boolean equals(Object o) {
        return o instanceof NormalizedText other
                && original.equals(other.original)
                && text.equals(other.text)
                && Arrays.equals(toOriginal, other.toOriginal);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * original.hashCode() + text.hashCode()) + Arrays.hashCode(toOriginal);
    }

    @Override
    public String toString() {
        return "NormalizedText[text=" + text + ", original.length=" + original.length() + "]";
    }
}
