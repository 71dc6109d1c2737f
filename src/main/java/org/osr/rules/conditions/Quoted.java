package org.osr.rules.conditions;

import java.util.List;

/**
 * The hit is quoted, not applied: it stands inside quotation marks or book-title marks of its block, or right after
 * a word that introduces an example (如, 例如, 标注为, e.g., such as). A training text that shows “机密★1年” as the
 * form of a marking is prose about markings.
 */
record Quoted() implements Condition {
    private static final String OPENERS = "“「『《‘\"'`";
    private static final String CLOSERS = "”」』》’\"'`";
    private static final List<String> INTRODUCERS = List.of("如", "例如", "比如", "譬如", "示例", "举例", "标注为", "标为",
            "标明", "写成", "写为", "e.g.", "e.g", "for example", "such as", "i.e.");
    /** Characters that may sit between an introducer and the example. */
    private static final String BETWEEN = " :,\"'“「『《‘`(（";

    @Override
    public boolean holds(HitSite site) {
        return insideQuotes(site.before(), site.after()) || introduced(site.before());
    }

    private static boolean insideQuotes(String before, String after) {
        for (int i = before.length() - 1; i >= 0; i--) {
            char c = before.charAt(i);
            int open = OPENERS.indexOf(c);
            if (open >= 0) {
                char close = CLOSERS.charAt(open);
                if (c == close && count(before, c) % 2 == 0) {
                    continue;   // a straight quote that closes an earlier one
                }
                int closing = after.indexOf(close);
                return closing >= 0 && closing <= 40;
            }
            if (CLOSERS.indexOf(c) >= 0 && c != '"' && c != '\'' && c != '`') {
                return false;   // the nearest mark before the hit closes a quotation
            }
        }
        return false;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    private static boolean introduced(String before) {
        int end = before.length();
        while (end > 0 && BETWEEN.indexOf(before.charAt(end - 1)) >= 0) {
            end--;
        }
        String head = before.substring(0, end);
        return INTRODUCERS.stream().anyMatch(head::endsWith);
    }

    @Override
    public String describe() {
        return "quoted or given as an example (in quotation marks, after 如/例如/标注为)";
    }
}
