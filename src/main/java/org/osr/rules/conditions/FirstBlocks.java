package org.osr.rules.conditions;

/**
 * Among the first {@code n} non-blank blocks of the hit's page, of its part, or of an annex (the blocks after a
 * {@code 附件1} label): where a document's head puts its copy number, marking and urgency.
 */
record FirstBlocks(int n) implements Condition {
    @Override
    public boolean holds(HitSite site) {
        return within(site.rankOnPage()) || within(site.rankInPart()) || within(site.rankInAnnex());
    }

    private boolean within(int rank) {
        return rank > 0 && rank <= n;
    }

    @Override
    public String describe() {
        return "within the first " + n + " blocks of a page, part or annex";
    }
}
