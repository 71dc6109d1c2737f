package org.osr.rules;

import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How large a pack regex may be. RE2/J runs in time linear in the text, but the factor is the size of the compiled
 * program: {@code (a{1000}){1000}} compiles to a million instructions (RE2/J accepts it; C++ RE2 refuses it) and takes
 * minutes on a long line, and one more level of nesting exhausts the heap while compiling. So a regex is sized from
 * its syntax before it is compiled, and its compiled program is checked after.
 *
 * <p>The largest bundled regex compiles to 210 instructions and repeats at most 30 times.
 */
final class RegexLimits {
    /** Nested counted repetitions multiply ({@code (x{10}){20}} repeats x 200 times), as in C++ RE2. */
    static final int MAX_REPEAT = 1000;
    /** {@link Pattern#programSize()}: the work per character of text is at most about this many steps. */
    static final int MAX_PROGRAM = 1000;
    /** Estimates above this are refused without compiling: the estimate may overshoot, never by this much. */
    private static final long MAX_ESTIMATE = 20L * MAX_PROGRAM;
    private static final long SATURATED = 1L << 40;

    private RegexLimits() {
    }

    /** Why {@code regex} is too large to compile, or null when it may be compiled. */
    static String beforeCompiling(String regex) {
        Size size = estimate(regex);
        if (size.repeat > MAX_REPEAT) {
            return "regex repeats too much: its nested repetition counts multiply to " + shown(size.repeat)
                    + " (at most " + MAX_REPEAT + "), which makes a program too large to run on a long text";
        }
        if (size.instructions > MAX_ESTIMATE) {
            return tooLarge("would compile to about " + shown(size.instructions));
        }
        return null;
    }

    /** Why the compiled {@code pattern} is too large, or null. */
    static String afterCompiling(Pattern pattern) {
        return pattern.programSize() > MAX_PROGRAM ? tooLarge("compiles to " + pattern.programSize()) : null;
    }

    private static String tooLarge(String what) {
        return "regex too large: it " + what + " instructions (at most " + MAX_PROGRAM + "); use 'terms' for lists"
                + " of words and shorter bounded repeats";
    }

    private static String shown(long n) {
        return n >= SATURATED ? "more than " + SATURATED : Long.toString(n);
    }

    /** Estimated instruction count (at least what RE2/J compiles to) and the largest nested repetition product. */
    record Size(long instructions, long repeat) {
    }

    /**
     * Reads RE2 syntax just far enough to size it: atoms, groups, alternation, repetition. Iterative, so a deeply
     * nested regex cannot overflow the stack; a syntax error is left for RE2/J to report.
     */
    static Size estimate(String regex) {
        Deque<Group> open = new ArrayDeque<>();
        Group current = new Group(false);
        int i = 0;
        int n = regex.length();
        while (i < n) {
            char c = regex.charAt(i);
            switch (c) {
                case '(' -> {
                    int after = groupStart(regex, i);
                    if (after < 0) {   // (?flags): no group
                        i = regex.indexOf(')', i) + 1;
                        continue;
                    }
                    open.push(current);
                    current = new Group(!regex.startsWith("(?", i) || regex.startsWith("(?P<", i)
                            || regex.startsWith("(?<", i));
                    i = after;
                    continue;
                }
                case ')' -> {
                    if (open.isEmpty()) {
                        current.atom(1, 1);
                    } else {
                        Group closed = current;
                        current = open.pop();
                        current.atom(closed.total() + (closed.capturing ? 2 : 0), closed.maxRepeat());
                    }
                }
                case '|' -> current.endBranch();
                case '*', '+', '?' -> {
                    current.repeat(0, -1, false);
                    if (i + 1 < n && regex.charAt(i + 1) == '?') {
                        i++;
                    }
                }
                case '{' -> {
                    int end = countedRepeat(regex, i, current);
                    if (end < 0) {
                        current.atom(1, 1);
                    } else {
                        i = end;
                        if (i + 1 < n && regex.charAt(i + 1) == '?') {
                            i++;
                        }
                    }
                }
                case '[' -> {
                    i = classEnd(regex, i);
                    current.atom(1, 1);
                }
                case '\\' -> {
                    int[] escape = escape(regex, i);
                    i = escape[0];
                    current.atom(escape[1], 1);
                }
                default -> {
                    if (Character.isHighSurrogate(c)) {
                        i++;
                    }
                    current.atom(1, 1);
                }
            }
            i++;
        }
        while (!open.isEmpty()) {   // unbalanced: RE2/J will say so
            Group closed = current;
            current = open.pop();
            current.atom(closed.total(), closed.maxRepeat());
        }
        return new Size(current.total(), current.maxRepeat());
    }

    /** Index after the opening of the group at {@code i}, or -1 for a flags-only group such as {@code (?i)}. */
    private static int groupStart(String regex, int i) {
        if (!regex.startsWith("(?", i)) {
            return i + 1;
        }
        if (regex.startsWith("(?P<", i) || regex.startsWith("(?<", i)) {
            int close = regex.indexOf('>', i);
            return close < 0 ? regex.length() : close + 1;
        }
        int j = i + 2;
        while (j < regex.length() && "imsU-".indexOf(regex.charAt(j)) >= 0) {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ':') {
            return j + 1;
        }
        return j < regex.length() && regex.charAt(j) == ')' ? -1 : i + 2;
    }

    /** For {@code {n}}, {@code {n,}} or {@code {n,m}} at {@code i}: applies it and returns the index of '}'; else -1. */
    private static int countedRepeat(String regex, int i, Group current) {
        int j = i + 1;
        long min = 0;
        int digits = 0;
        while (j < regex.length() && Character.isDigit(regex.charAt(j))) {
            min = Math.min(SATURATED, min * 10 + (regex.charAt(j++) - '0'));
            digits++;
        }
        if (digits == 0 || j >= regex.length()) {
            return -1;
        }
        long max = min;
        if (regex.charAt(j) == ',') {
            j++;
            max = -1;
            long m = 0;
            int maxDigits = 0;
            while (j < regex.length() && Character.isDigit(regex.charAt(j))) {
                m = Math.min(SATURATED, m * 10 + (regex.charAt(j++) - '0'));
                maxDigits++;
            }
            if (maxDigits > 0) {
                max = m;
            }
        }
        if (j >= regex.length() || regex.charAt(j) != '}') {
            return -1;
        }
        current.repeat(min, max, true);
        return j;
    }

    /** Index of the ']' that closes the class opened at {@code i}. */
    private static int classEnd(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++;   // a leading ']' is a literal
        }
        while (j < regex.length()) {
            char c = regex.charAt(j);
            if (c == ']') {
                return j;
            }
            if (c == '\\') {
                j = escape(regex, j)[0];
            } else if (regex.startsWith("[:", j)) {
                int close = regex.indexOf(":]", j + 2);
                j = close < 0 ? j : close + 1;
            }
            j++;
        }
        return regex.length() - 1;
    }

    /** {last index of the escape at {@code i}, how many atoms it stands for}. */
    private static int[] escape(String regex, int i) {
        if (i + 1 >= regex.length()) {
            return new int[] {i, 1};
        }
        char c = regex.charAt(i + 1);
        if (c == 'Q') {   // \Q...\E: every char a literal
            int end = regex.indexOf("\\E", i + 2);
            int stop = end < 0 ? regex.length() : end;
            return new int[] {end < 0 ? regex.length() - 1 : end + 1, Math.max(1, stop - (i + 2))};
        }
        if ((c == 'p' || c == 'P' || c == 'x') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
            int close = regex.indexOf('}', i + 2);
            return new int[] {close < 0 ? regex.length() - 1 : close, 1};
        }
        if (c == 'p' || c == 'P') {
            return new int[] {Math.min(regex.length() - 1, i + 2), 1};
        }
        if (c == 'x') {
            return new int[] {Math.min(regex.length() - 1, i + 3), 1};
        }
        int j = i + 1;
        if (c >= '0' && c <= '7') {
            while (j + 1 < regex.length() && j < i + 3 && regex.charAt(j + 1) >= '0' && regex.charAt(j + 1) <= '7') {
                j++;
            }
        }
        return new int[] {j, 1};
    }

    /** A group being read: its finished branches and the branch in progress, whose last atom may still repeat. */
    private static final class Group {
        final boolean capturing;
        private long branchesSize;
        private int branches;
        private long concat;
        private long maxRepeat = 1;
        private long lastSize = -1;
        private long lastRepeat = 1;

        Group(boolean capturing) {
            this.capturing = capturing;
        }

        void atom(long size, long repeat) {
            flush();
            lastSize = size;
            lastRepeat = repeat;
        }

        /** {@code min..max} repetitions of the last atom; max -1 means unbounded. */
        void repeat(long min, long max, boolean counted) {
            if (lastSize < 0) {
                return;   // nothing to repeat: a syntax error RE2/J reports
            }
            if (!counted) {
                lastSize = add(lastSize, 1);
                return;
            }
            long count = Math.max(1, max < 0 ? min : max);
            lastSize = add(times(lastSize, count), max < 0 ? 1 : Math.max(0, max - min));
            lastRepeat = times(lastRepeat, count);
        }

        void endBranch() {
            flush();
            branchesSize = add(branchesSize, concat);
            branches++;
            concat = 0;
        }

        long total() {
            flush();
            return add(add(branchesSize, concat), branches);
        }

        long maxRepeat() {
            flush();
            return maxRepeat;
        }

        private void flush() {
            if (lastSize >= 0) {
                concat = add(concat, lastSize);
                maxRepeat = Math.max(maxRepeat, lastRepeat);
                lastSize = -1;
                lastRepeat = 1;
            }
        }
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long times(long a, long b) {
        return a == 0 || b <= SATURATED / a ? Math.min(SATURATED, a * b) : SATURATED;
    }
}
