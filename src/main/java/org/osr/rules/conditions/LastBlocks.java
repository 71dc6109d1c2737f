package org.osr.rules.conditions;

/** Among the last {@code n} non-blank blocks of the hit's page: where a banner repeats at the foot of a page. */
record LastBlocks(int n) implements Condition {
    @Override
    public boolean holds(HitSite site) {
        return site.rankFromPageEnd() > 0 && site.rankFromPageEnd() <= n;
    }

    @Override
    public String describe() {
        return "within the last " + n + " blocks of a page";
    }
}
