package org.osr.rules.conditions;

import java.util.List;

/** Small text helpers the conditions share. */
final class Texts {
    /** Decoration around a label or a level in a cell: spaces, colons, brackets, boxes to tick, stars. */
    private static final String DECORATION = " \t\n:：·•-—_=*#|()[]【】〔〕<>□■☐☑☒";

    private Texts() {
    }

    static String undecorated(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && DECORATION.indexOf(s.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && DECORATION.indexOf(s.charAt(b - 1)) >= 0) {
            b--;
        }
        return s.substring(a, b).replace(" ", "");
    }

    /** The longest of {@code terms} the text starts with (after decoration), or null. */
    static String leadingTerm(String text, List<String> terms) {
        String t = undecorated(text);
        String best = null;
        for (String term : terms) {
            String bare = term.replace(" ", "");
            if (t.startsWith(bare) && (best == null || bare.length() > best.length())) {
                best = bare;
            }
        }
        return best;
    }
}
