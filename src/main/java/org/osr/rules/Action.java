package org.osr.rules;

import java.util.Locale;

/** What a finding asks of the reviewer, weakest first. The order is used to pick a document's verdict. */
public enum Action {
    NOTE, REDACT, REFER, WITHHOLD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Action fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(Action other) {
        return compareTo(other) >= 0;
    }
}
