package org.osr.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.match.Validators;

/**
 * Masks personal data in any text osr prints about a document: paths, embedded names, titles, abstracts, contexts,
 * explanations, problem messages, terminal lines. Masking is decided on the text as it will be shown — after
 * whitespace is collapsed, before it is cut — from three sources:
 * <ol>
 *   <li>the values the document's {@code mask: true} findings matched, also when spaces, tabs, line breaks or dashes
 *       split them differently in the shown text;</li>
 *   <li>the {@code mask: true} rules themselves, run again over the shown text (a file name carries no label and is
 *       not a part, but an ID number in it is still an ID number);</li>
 *   <li>numbers that pass a resident-ID or bank-card checksum however they are grouped, and any long digit run next
 *       to a masked value ("a second card after a labelled one").</li>
 * </ol>
 * Masking keeps every character's position (one star per character), so offsets stay true.
 */
public final class Redactor {
    /** Digits a number next to a masked value must have to be masked too (a card, an account, an ID). */
    private static final int NEIGHBOUR_DIGITS = 8;
    /** How far (characters) a long number may stand from a masked value to count as its neighbour. */
    private static final int NEIGHBOUR_DISTANCE = 8;
    /** Context kept around a window before masking it, wider than any separated number, so edges never leak. */
    static final int MARGIN = 48;

    private final List<String> known;
    private final RuleEngine maskRules;

    Redactor(List<String> known, RuleEngine maskRules) {
        this.known = known;
        this.maskRules = maskRules;
    }

    /** For a document: its own personal data, plus everything the masking rules and checksums find. */
    static Redactor of(List<Hit> hits, RuleEngine maskRules) {
        Set<String> values = new LinkedHashSet<>();
        for (Hit h : hits) {
            if (h.rule().mask()) {
                String key = compact(h.originalMatch());
                if (key.length() >= 4) {
                    values.add(key);
                }
            }
        }
        return new Redactor(values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList(),
                maskRules);
    }

    /** Masks the whole text. */
    public String mask(String text) {
        return mask(text, true);
    }

    /**
     * Masks a path. A bare number that merely passes the Luhn check (one in ten does) is left alone here, so a path
     * still names its file; card numbers the document itself carries, and ID numbers, are masked as everywhere.
     */
    public String maskPath(String path) {
        return mask(path, false);
    }

    private String mask(String text, boolean bareCards) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean[] hide = new boolean[text.length()];
        boolean any = markKnown(text, hide);
        any |= markRuleMatches(text, hide);
        any |= markChecksummedNumbers(text, hide, bareCards);
        if (!any) {
            return text;
        }
        markNeighbours(text, hide);
        return apply(text, hide);
    }

    /**
     * Like {@link #mask}, and every number of eight digits or more is masked too, valid or not: for the examples of
     * personal-data rules, whose near-misses are personal-data-shaped as well.
     */
    public String maskNumbers(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = mask(text);
        boolean[] hide = new boolean[masked.length()];
        boolean any = false;
        for (int[] run : digitRuns(masked)) {
            long digits = masked.substring(run[0], run[1]).chars().filter(Character::isDigit).count();
            if (digits >= NEIGHBOUR_DIGITS) {
                java.util.Arrays.fill(hide, run[0], run[1], true);
                any = true;
            }
        }
        return any ? apply(masked, hide) : masked;
    }

    /** Whitespace collapsed, masked, then cut to {@code maxChars} code points (marked "…" if {@code ellipsis}). */
    public String shown(String text, int maxChars, boolean ellipsis) {
        if (text == null) {
            return null;
        }
        String collapsed = text.replaceAll("\\s+", " ").strip();
        int limit = Math.min(collapsed.length(), collapsed.offsetByCodePoints(0,
                Math.min(collapsed.codePointCount(0, collapsed.length()), maxChars + MARGIN)));
        String masked = mask(collapsed.substring(0, limit));
        int n = masked.codePointCount(0, masked.length());
        return n <= maxChars ? masked
                : masked.substring(0, masked.offsetByCodePoints(0, maxChars)) + (ellipsis ? "…" : "");
    }

    /** Masks {@code [from, to)} of {@code text}, deciding with a margin around it so a value at an edge is whole. */
    public String window(String text, int from, int to) {
        int a = Math.max(0, from - MARGIN);
        int b = Math.min(text.length(), to + MARGIN);
        return mask(text.substring(a, b)).substring(from - a, to - a);
    }

    private boolean markKnown(String text, boolean[] hide) {
        if (known.isEmpty()) {
            return false;
        }
        StringBuilder compact = new StringBuilder(text.length());
        List<Integer> map = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isSeparator(text.charAt(i))) {
                compact.append(Character.toUpperCase(text.charAt(i)));
                map.add(i);
            }
        }
        boolean any = false;
        String c = compact.toString();
        for (String v : known) {
            for (int at = c.indexOf(v); at >= 0; at = c.indexOf(v, at + 1)) {
                for (int k = map.get(at); k <= map.get(at + v.length() - 1); k++) {
                    hide[k] = true;
                }
                any = true;
            }
        }
        return any;
    }

    private boolean markRuleMatches(String text, boolean[] hide) {
        if (maskRules == null) {
            return false;
        }
        boolean any = false;
        for (Hit h : maskRules.match(Part.of(PartKind.BODY, text))) {
            for (int k = h.start(); k < h.end(); k++) {
                hide[k] = true;
            }
            any = true;
        }
        return any;
    }

    /** Numbers in groups ("6222 0212 3456 7890 123", "110101 19900101 002X") that pass a checksum. */
    private static boolean markChecksummedNumbers(String text, boolean[] hide, boolean bareCards) {
        boolean any = false;
        for (int[] run : digitRuns(text)) {
            List<int[]> groups = groups(text, run[0], run[1]);
            for (int i = 0; i < groups.size(); i++) {
                StringBuilder digits = new StringBuilder();
                for (int j = i; j < groups.size() && digits.length() < 20; j++) {
                    digits.append(text, groups.get(j)[0], groups.get(j)[1]);
                    String d = digits.toString().toUpperCase(java.util.Locale.ROOT);
                    boolean id = d.length() == 18 && Validators.valid("cn-resident-id", d);
                    boolean card = bareCards && d.length() >= 15 && d.length() <= 19 && d.chars().allMatch(Character::isDigit)
                            && Validators.valid("luhn", d);
                    if (id || card) {
                        for (int k = groups.get(i)[0]; k < groups.get(j)[1]; k++) {
                            hide[k] = true;
                        }
                        any = true;
                    }
                }
            }
        }
        return any;
    }

    /** A long number standing right next to a masked value is masked too, whatever it validates as. */
    private static void markNeighbours(String text, boolean[] hide) {
        for (int[] run : digitRuns(text)) {
            int digits = 0;
            for (int k = run[0]; k < run[1]; k++) {
                digits += isDigitLike(text.charAt(k)) ? 1 : 0;
            }
            if (digits < NEIGHBOUR_DIGITS || hidden(text, hide, run[0], run[1])) {
                continue;
            }
            int from = Math.max(0, run[0] - NEIGHBOUR_DISTANCE);
            int to = Math.min(text.length(), run[1] + NEIGHBOUR_DISTANCE);
            boolean near = false;
            for (int k = run[0] - 1; k >= from && !near && !isPathSeparator(text.charAt(k)); k--) {
                near = hide[k];
            }
            for (int k = run[1]; k < to && !near && !isPathSeparator(text.charAt(k)); k++) {
                near = hide[k];
            }
            if (near) {
                for (int k = run[0]; k < run[1]; k++) {
                    hide[k] = true;
                }
            }
        }
    }

    private static boolean hidden(String text, boolean[] hide, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!hide[k] && isDigitLike(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /** Maximal runs of digits (and a trailing X) with single separators between groups. */
    private static List<int[]> digitRuns(String text) {
        List<int[]> runs = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            int end = i;
            int k = i;
            while (k < text.length()) {
                char c = text.charAt(k);
                if (isDigitLike(c)) {
                    k++;
                    end = k;
                } else if (isSeparator(c) && k + 1 < text.length() && isSeparatorRunThenDigit(text, k)) {
                    k = skipSeparators(text, k);
                } else {
                    break;
                }
            }
            runs.add(new int[] {start, end});
            i = Math.max(end, i + 1);
        }
        return runs;
    }

    private static boolean isSeparatorRunThenDigit(String text, int k) {
        int next = skipSeparators(text, k);
        return next - k <= 3 && next < text.length() && Character.isDigit(text.charAt(next));
    }

    private static int skipSeparators(String text, int k) {
        while (k < text.length() && isSeparator(text.charAt(k))) {
            k++;
        }
        return k;
    }

    private static List<int[]> groups(String text, int from, int to) {
        List<int[]> groups = new ArrayList<>();
        int k = from;
        while (k < to) {
            int s = k;
            while (k < to && isDigitLike(text.charAt(k))) {
                k++;
            }
            groups.add(new int[] {s, k});
            k = skipSeparators(text, k);
        }
        return groups;
    }

    private static boolean isPathSeparator(char c) {
        return c == '/' || c == '\\' || c == '!';
    }

    private static boolean isDigitLike(int c) {
        return Character.isDigit(c) || c == 'X' || c == 'x';
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '-' || c == '\u2010' || c == '\u2011'
                || c == '\u2013' || c == '\u2014' || c == '\uFF0D';
    }

    /** Upper-cased, separators removed: the form values are compared in. */
    static String compact(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isSeparator(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static String apply(String text, boolean[] hide) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (!hide[i]) {
                out.append(text.charAt(i++));
                continue;
            }
            int j = i;
            while (j < text.length() && hide[j]) {
                j++;
            }
            out.append(Masker.mask(text.substring(i, j)));
            i = j;
        }
        return out.toString();
    }
}
