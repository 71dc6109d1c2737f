package org.osr.match;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;

/**
 * Where a match of one RE2/J pattern can start, read from its compiled program: the characters its first step can
 * consume, and whether that step is allowed only at a line start. RE2/J has no DFA and no first-character scan, so
 * an unanchored search steps its NFA through every character of the part; a pattern led by 绝密|机密|秘密 can only
 * start at one of three characters. {@link RegexFinder} tries an anchored match at those positions alone, which finds
 * the same leftmost match an unanchored search finds (RE2's leftmost-first semantics: the leftmost start that
 * matches, and there the preferred match).
 *
 * <p>The anchored match runs on the text from the candidate on, so it must not depend on what precedes the
 * candidate: a pattern whose first step tests a word boundary is not narrowed; one whose first step needs a line
 * start ({@code (?m)^}) is tried only at line starts; one whose first step needs the text start ({@code \A}, {@code ^}
 * without {@code m}) only at offset 0. When the program cannot be read (another RE2/J version), or the pattern can
 * match the empty string anywhere, or nearly any character can start it, {@link #of} returns null and the plain
 * unanchored search runs.
 */
final class RegexStarts {
    /** More possible first characters than this and the candidates would be most positions: not worth it. */
    private static final int MAX_FIRST_CHARS = 4096;

    private static final int ALT = 1, ALT_MATCH = 2, CAPTURE = 3, EMPTY_WIDTH = 4, FAIL = 5, MATCH = 6, NOP = 7,
            RUNE = 8, RUNE1 = 9, RUNE_ANY = 10, RUNE_ANY_NOT_NL = 11;
    private static final int BEGIN_LINE = 1, BEGIN_TEXT = 4, WORD_BOUNDARY = 16, NO_WORD_BOUNDARY = 32;
    private static final int FOLD_CASE = 1;

    /** Chars that can start a match anywhere. */
    private final BitSet anywhere;
    /** Chars that can start a match right after a '\n' (or at offset 0). */
    private final BitSet atLineStart;
    /** The empty string matches at every line start. */
    private final boolean emptyAtLineStart;
    /** Some first step asserts a line start ({@code (?m)^}), or the text start ({@code \A}). */
    private final boolean testsLineStart;
    private final boolean testsTextStart;

    /**
     * The pattern behind {@code \A}: RE2/J's NFA stops as soon as no thread is left only when the pattern asserts the
     * text start; anchored otherwise, it would still step through the rest of the text after a failed try.
     */
    private final com.google.re2j.Pattern anchored;

    private RegexStarts(com.google.re2j.Pattern anchored, BitSet anywhere, BitSet atLineStart,
                        boolean emptyAtLineStart, boolean testsLineStart, boolean testsTextStart) {
        this.anchored = anchored;
        this.anywhere = anywhere;
        this.atLineStart = atLineStart;
        this.emptyAtLineStart = emptyAtLineStart;
        this.testsLineStart = testsLineStart;
        this.testsTextStart = testsTextStart;
    }

    /**
     * Whether an anchored match on the text from {@code s} on decides as the whole text would: RE2/J takes the start
     * of its input for a line and text start, so a first step asserting either must really be at one.
     */
    boolean anchoredExact(CharSequence text, int s) {
        if (s == 0) {
            return true;
        }
        return !testsTextStart && (!testsLineStart || text.charAt(s - 1) == '\n');
    }

    /** The pattern, matching only at the start of its input; same groups. */
    com.google.re2j.Pattern anchored() {
        return anchored;
    }

    /** Whether a match can start at {@code s} of {@code text} (RE2's view: '\n' ends a line). */
    boolean canStart(CharSequence text, int s) {
        if (s == 0 || s == text.length()) {
            return true;   // the text's ends: one cheap try each
        }
        boolean lineStart = text.charAt(s - 1) == '\n';
        char c = text.charAt(s);
        return anywhere.get(c) || lineStart && (emptyAtLineStart || atLineStart.get(c));
    }

    /** The first position at or after {@code from} where a match can start, or -1. */
    int next(CharSequence text, int from) {
        for (int s = from; s <= text.length(); s++) {
            if (canStart(text, s)) {
                return s;
            }
        }
        return -1;
    }

    /** The starts of {@code pattern}, or null when they cannot be narrowed usefully (then search the plain way). */
    static RegexStarts of(com.google.re2j.Pattern pattern) {
        Program program = Program.of(pattern);
        if (program == null || pattern.pattern().contains("\\Q")) {
            return null;   // unreadable, or a quoted run that could swallow the group closing the anchored form
        }
        BitSet anywhere = new BitSet();
        BitSet atLineStart = new BitSet();
        boolean emptyAtLineStart = false;
        boolean testsLineStart = false;
        boolean testsTextStart = false;
        // Walk the empty-width closure of the start: (pc, what the path has asserted so far).
        final int none = 0, line = 1, text = 2;
        boolean[][] seen = new boolean[3][program.size()];
        Deque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {program.start(), none});
        while (!work.isEmpty()) {
            int[] at = work.pop();
            int pc = at[0];
            int state = at[1];
            if (seen[state][pc]) {
                continue;
            }
            seen[state][pc] = true;
            switch (program.op(pc)) {
                case ALT, ALT_MATCH -> {
                    work.push(new int[] {program.out(pc), state});
                    work.push(new int[] {program.arg(pc), state});
                }
                case CAPTURE, NOP -> work.push(new int[] {program.out(pc), state});
                case EMPTY_WIDTH -> {
                    int assertion = program.arg(pc);
                    if ((assertion & (WORD_BOUNDARY | NO_WORD_BOUNDARY)) != 0) {
                        return null;   // depends on the character before the candidate
                    }
                    testsLineStart |= (assertion & BEGIN_LINE) != 0;
                    testsTextStart |= (assertion & BEGIN_TEXT) != 0;
                    int next = (assertion & BEGIN_TEXT) != 0 ? text
                            : (assertion & BEGIN_LINE) != 0 ? Math.max(state, line) : state;
                    work.push(new int[] {program.out(pc), next});
                }
                case FAIL -> {
                }
                case MATCH -> {
                    if (state == none) {
                        return null;   // matches the empty string anywhere
                    }
                    emptyAtLineStart |= state == line;
                }
                case RUNE, RUNE1 -> {
                    if (state == text) {
                        continue;   // only at offset 0, always a candidate
                    }
                    BitSet into = state == line ? atLineStart : anywhere;
                    boolean fold = (program.arg(pc) & FOLD_CASE) != 0;
                    if (fold && SIMPLE_FOLD_OP == null || !addRunes(program.runes(pc), fold, into)) {
                        return null;
                    }
                }
                case RUNE_ANY, RUNE_ANY_NOT_NL -> {
                    if (state == none) {
                        return null;
                    }
                    if (state == line) {
                        emptyAtLineStart = true;   // any character at a line start: every line start is a candidate
                    }
                }
                default -> {
                    return null;   // an instruction this reading does not know
                }
            }
        }
        if (anywhere.cardinality() > MAX_FIRST_CHARS) {
            return null;
        }
        com.google.re2j.Pattern anchored;
        try {
            anchored = com.google.re2j.Pattern.compile("\\A(?:" + pattern.pattern() + ")", pattern.flags());
        } catch (com.google.re2j.PatternSyntaxException e) {
            return null;
        }
        if (anchored.groupCount() != pattern.groupCount()
                || !anchored.namedGroups().equals(pattern.namedGroups())) {
            return null;
        }
        return new RegexStarts(anchored, anywhere, atLineStart, emptyAtLineStart, testsLineStart, testsTextStart);
    }

    /** Adds the runes an instruction consumes (pairs of ranges, or one rune); false when there are too many. */
    private static boolean addRunes(int[] runes, boolean foldCase, BitSet into) {
        if (runes.length == 1) {
            addRune(runes[0], foldCase, into);
            return true;
        }
        for (int i = 0; i + 1 < runes.length; i += 2) {
            int lo = runes[i];
            int hi = runes[i + 1];
            if (hi - lo > MAX_FIRST_CHARS) {
                return false;
            }
            for (int r = lo; r <= hi; r++) {
                addRune(r, foldCase, into);
            }
        }
        return true;
    }

    /** A rune as the UTF-16 char it starts with, with its case variants when the pattern folds case. */
    private static void addRune(int rune, boolean foldCase, BitSet into) {
        into.set(rune > Character.MAX_VALUE ? Character.highSurrogate(rune) : rune);
        if (foldCase) {
            // RE2/J's own orbit (Inst.matchRune walks the same one): exactly the runes it will accept.
            for (int r = SIMPLE_FOLD_OP.applyAsInt(rune); r != rune; r = SIMPLE_FOLD_OP.applyAsInt(r)) {
                into.set(r > Character.MAX_VALUE ? Character.highSurrogate(r) : r);
            }
        }
    }

    private static final java.util.function.IntUnaryOperator SIMPLE_FOLD_OP = simpleFold();

    private static java.util.function.IntUnaryOperator simpleFold() {
        try {
            Method fold = Class.forName("com.google.re2j.Unicode").getDeclaredMethod("simpleFold", int.class);
            fold.setAccessible(true);
            return r -> {
                try {
                    return (int) fold.invoke(null, r);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** RE2/J's compiled program, read through its package-private fields (RE2/J 1.x keeps them stable). */
    private record Program(Object[] inst, int size, int start, Field op, Field out, Field arg, Field runes) {
        static Program of(com.google.re2j.Pattern pattern) {
            try {
                Method re2 = com.google.re2j.Pattern.class.getDeclaredMethod("re2");
                re2.setAccessible(true);
                Object re = re2.invoke(pattern);
                Field progField = re.getClass().getDeclaredField("prog");
                progField.setAccessible(true);
                Object prog = progField.get(re);
                Class<?> progClass = prog.getClass();
                Object[] inst = (Object[]) accessible(progClass, "inst").get(prog);
                int size = accessible(progClass, "instSize").getInt(prog);
                int start = accessible(progClass, "start").getInt(prog);
                Class<?> instClass = inst.getClass().getComponentType();
                return new Program(inst, size, start, accessible(instClass, "op"), accessible(instClass, "out"),
                        accessible(instClass, "arg"), accessible(instClass, "runes"));
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;   // not the RE2/J this was written for: search the plain way
            }
        }

        private static Field accessible(Class<?> type, String name) throws NoSuchFieldException {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        }

        int op(int pc) {
            return read(op, pc);
        }

        int out(int pc) {
            return read(out, pc);
        }

        int arg(int pc) {
            return read(arg, pc);
        }

        int[] runes(int pc) {
            try {
                return (int[]) runes.get(inst[pc]);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        private int read(Field field, int pc) {
            try {
                return field.getInt(inst[pc]);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
