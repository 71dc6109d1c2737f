package org.osr.judge;

import java.util.Locale;

/** A document's single verdict, named after the review procedure it serves (see CONTRACT.md). */
public enum Verdict {
    PUBLISHABLE(0, "可以公开", "publishable"),
    REDACT(1, "删减后公开", "publish after redaction"),
    REFER(1, "报送确定", "refer to the secrecy office"),
    WITHHOLD(2, "不予公开", "withhold"),
    UNREVIEWABLE(3, "无法审查", "could not be reviewed");

    private final int exitCode;
    private final String zh;
    private final String en;

    Verdict(int exitCode, String zh, String en) {
        this.exitCode = exitCode;
        this.zh = zh;
        this.en = en;
    }

    public int exitCode() {
        return exitCode;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Verdict fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public String label(org.osr.rules.Lang lang) {
        return lang == org.osr.rules.Lang.ZH ? zh : en;
    }
}
