package org.osr.rules;

import java.util.Locale;

/** The language of messages shown to people. */
public enum Lang {
    ZH, EN;

    public static Lang parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * From the environment: LC_ALL, LC_MESSAGES, LANG, else the JVM default locale. The launcher passes the user's
     * own setting as {@code osr.lang.env} when it had to switch the character type to UTF-8 for file names.
     */
    public static Lang fromEnvironment() {
        String passed = System.getProperty("osr.lang.env");
        if (passed != null) {
            return passed.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
        }
        for (String var : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = System.getenv(var);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("zh") ? ZH : EN;
            }
        }
        return Locale.getDefault().getLanguage().equals("zh") ? ZH : EN;
    }
}
