package org.osr.rules.conditions;

/**
 * The hit's block is a sentence, not a label: beside the hit it holds at least {@value #MIN_REST} more characters and
 * sentence punctuation, or at least {@value #MIN_WORDS} Latin words.
 */
record Prose() implements Condition {
    static final int MIN_REST = 16;
    static final int MIN_WORDS = 6;
    private static final String SENTENCE = "。，；！？,;!?";

    @Override
    public boolean holds(HitSite site) {
        String rest = site.before() + " " + site.after();
        int chars = rest.replace(" ", "").length();
        if (chars >= MIN_REST && rest.chars().anyMatch(c -> SENTENCE.indexOf(c) >= 0)) {
            return true;
        }
        int words = 0;
        for (String w : rest.split("[^a-z]+")) {
            if (w.length() > 1) {
                words++;
            }
        }
        return words >= MIN_WORDS;
    }

    @Override
    public String describe() {
        return "in a sentence of prose";
    }
}
