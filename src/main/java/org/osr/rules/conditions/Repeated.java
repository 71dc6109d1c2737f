package org.osr.rules.conditions;

import java.util.Set;
import org.osr.extract.PartKind;

/** A banner: the same block is on another page too, or it is in a page header, footer or watermark (every page). */
record Repeated() implements Condition {
    private static final Set<PartKind> EVERY_PAGE = Set.of(PartKind.HEADER, PartKind.FOOTER, PartKind.WATERMARK);

    @Override
    public boolean holds(HitSite site) {
        return EVERY_PAGE.contains(site.part()) || site.repeatedOnAnotherPage();
    }

    @Override
    public String describe() {
        return "repeated on the pages (a banner)";
    }
}
