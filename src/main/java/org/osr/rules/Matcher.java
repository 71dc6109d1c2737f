package org.osr.rules;

import java.util.List;

/** How a rule finds candidate hits; positions and context are checked afterwards. */
public sealed interface Matcher {

    /** Literal terms, matched all at once with Aho-Corasick on normalized text. */
    record Terms(List<String> terms) implements Matcher {
        public Terms {
            terms = List.copyOf(terms);
        }
    }

    /**
     * An RE2/J regular expression (linear time, safe on untrusted input) run on normalized text, case-insensitive.
     * A named group {@code match} narrows the reported span. When {@code requires} is not empty the regex runs only on
     * parts that contain at least one of those literals (found in the shared Aho-Corasick pass). When
     * {@code caseSensitive} is set, a hit counts only if that pattern also matches the original line with its case
     * kept (TOP SECRET is a banner, Top Secret is a word).
     */
    record Regex(String source, com.google.re2j.Pattern pattern, List<String> requires,
                 com.google.re2j.Pattern caseSensitive) implements Matcher {
        public Regex {
            requires = List.copyOf(requires);
        }
    }

    /**
     * A layout made of several labels: at least {@code min} different terms of {@code anyOf} within a window of
     * {@code withinLines} lines or {@code withinChars} characters (whichever is set). Used for telegram headers, whose
     * fields (发电单位, 签批, 等级, 密级 …) are harmless alone and a header together. With {@code asLabels} a term counts
     * only where it stands as a label: after the start of a line, a space, punctuation or another label of the
     * cluster (电压等级 holds 等级 but is not the label 等级; 影响发电单位 is not 发电单位). When {@code withOneOf} is not
     * empty, a window counts only if one of its labels is one of those (labels that only this layout uses, beside
     * ones that prose uses too).
     */
    record Cluster(List<String> anyOf, int min, int withinLines, int withinChars, boolean asLabels,
                   List<String> withOneOf) implements Matcher {
        public Cluster {
            anyOf = List.copyOf(anyOf);
            withOneOf = List.copyOf(withOneOf);
        }
    }
}
