package org.osr.rules.conditions;

import java.util.List;

/**
 * The hit fills a form's field: it is in the table cell right of or under a label cell ({@code 密级 | 机密}), in a
 * column headed by the label (a register's 密级 column), or, outside tables, it follows the label at the start of
 * its line ({@code 密级  机密} drawn as one PDF line).
 */
record CellAfter(List<String> labels) implements Condition {
    CellAfter {
        labels = labels.stream().map(Texts::undecorated).toList();
    }

    @Override
    public boolean holds(HitSite site) {
        if (site.block() != null && site.block().cell() != null) {
            return isLabel(site.cellLeft()) || isLabel(site.cellAbove()) || isLabel(site.columnHeader())
                    || isLabel(site.before());
        }
        return isLabel(site.before());
    }

    private boolean isLabel(String text) {
        return text != null && labels.contains(Texts.undecorated(text));
    }

    @Override
    public String describe() {
        return "in the field of a " + String.join("/", labels) + " label (the cell beside or under it)";
    }
}
