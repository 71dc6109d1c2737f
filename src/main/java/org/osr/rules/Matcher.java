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
     * parts that contain at least one of those literals (found in the shared Aho-Corasick pass).
     */
    record Regex(String source, com.google.re2j.Pattern pattern, List<String> requires) implements Matcher {
        public Regex {
            requires = List.copyOf(requires);
        }
    }
}
