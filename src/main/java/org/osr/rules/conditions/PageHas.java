package org.osr.rules.conditions;

import java.util.List;

/**
 * One of the words is on the hit's page, as a word (a level on the page of an authority block: "secret", not
 * "secretary"). Only the part's own page is read: a banner in a page header is another part.
 */
record PageHas(List<String> words) implements Condition {
    PageHas {
        words = List.copyOf(words);
    }

    @Override
    public boolean holds(HitSite site) {
        return words.stream().anyMatch(site::pageHasWord);
    }

    @Override
    public String describe() {
        return "on a page that also says " + String.join(" or ", words);
    }
}
