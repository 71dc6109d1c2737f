package org.osr.rules;

/** A text in Chinese and English; either may be missing, in which case the other is used. */
public record Localized(String zh, String en) {
    public String in(Lang lang) {
        String preferred = lang == Lang.ZH ? zh : en;
        return preferred != null ? preferred : (zh != null ? zh : en);
    }
}
