package org.osr.rules.conditions;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The hit is one entry of a list of the levels: its table row or column (for lines placed on a page, the lines at
 * its height or starting at its left edge; for paragraphs, the ones around it) starts at least {@code min}
 * different levels, each once — a glossary or a table of levels, not a marking. A row that cites a document number
 * ({@code 〔2026〕3号}) is a register entry, whose level is a marking, so such a row or column does not count.
 * A hit whose own sentence names {@code min} different levels around it (绝密、机密、秘密三级) counts too.
 */
record ListsLevels(List<String> levels, int min) implements Condition {
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[〔\\[(（]\\d{4}[〕\\])）] ?\\d+ ?号");

    ListsLevels {
        levels = List.copyOf(levels);
    }

    @Override
    public boolean holds(HitSite site) {
        if (site.row().stream().anyMatch(t -> DOCUMENT_NUMBER.matcher(t).find())) {
            return false;
        }
        if (enumerates(site.row()) || enumerates(site.column())) {
            return true;
        }
        Set<String> named = new HashSet<>();
        for (String level : levels) {
            if ((site.before() + site.hit() + site.after()).contains(level)) {
                named.add(level);
            }
        }
        // "top secret" holds "secret": a level inside a longer one named too does not count twice.
        named.removeIf(l -> named.stream().anyMatch(o -> !o.equals(l) && o.contains(l)));
        return named.size() >= min;
    }

    private boolean enumerates(List<String> texts) {
        Set<String> seen = new HashSet<>();
        for (String t : texts) {
            String level = Texts.leadingTerm(t, levels);
            if (level != null && !seen.add(level)) {
                return false;   // a level twice: a register of documents, not a list of the levels
            }
        }
        return seen.size() >= min;
    }

    @Override
    public String describe() {
        return "one of a list of the levels (" + String.join("/", levels) + ") in a table row, column or sentence";
    }
}
