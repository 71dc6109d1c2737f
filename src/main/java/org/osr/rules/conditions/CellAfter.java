package org.osr.rules.conditions;

import java.util.List;

/**
 * The hit fills a form's field: it is in the table cell right of a label cell ({@code 密级 | 机密}) or anywhere under
 * one in its column (a register's 密级 column) — in a PDF or OFD, the text placed right of the label or below it —
 * or it follows the label at the start of its line ({@code 密级  机密} drawn as one PDF line).
 */
record CellAfter(List<String> labels) implements Condition {
    CellAfter {
        labels = labels.stream().map(Texts::undecorated).toList();
    }

    @Override
    public boolean holds(HitSite site) {
        return isLabel(site.before()) || isLabel(site.cellLeft()) || site.above().stream().anyMatch(this::isLabel);
    }

    private boolean isLabel(String text) {
        return text != null && labels.contains(Texts.undecorated(text));
    }

    @Override
    public String describe() {
        return "in the field of a " + String.join("/", labels) + " label (the cell beside or under it)";
    }
}
