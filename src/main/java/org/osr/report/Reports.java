package org.osr.report;

import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.Lang;

/** The report formats by name ({@code --format}). A new format is one class and one line here. */
public final class Reports {
    /**
     * What a format renders with.
     *
     * @param masking for run-level text that belongs to no document (input errors); results come masked
     * @param failOn  the weakest action that fails the run ({@code --fail-on}): what a CI format marks as failed
     */
    public record Context(Writer out, Lang lang, Messages messages, String toolVersion, Masking masking,
                          Action failOn) {
        public Context(Writer out, Lang lang, Messages messages, String toolVersion, Masking masking) {
            this(out, lang, messages, toolVersion, masking, Action.REDACT);
        }
    }

    private static final Map<String, Function<Context, ReportWriter>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("json", JsonReport::new);
        FORMATS.put("jsonl", JsonLinesReport::new);
        FORMATS.put("text", TextReport::new);
        FORMATS.put("sarif", SarifReport::new);
        FORMATS.put("junit", JunitReport::new);
        FORMATS.put("code-quality", CodeQualityReport::new);
    }

    private Reports() {
    }

    public static List<String> names() {
        return List.copyOf(FORMATS.keySet());
    }

    /** @throws IllegalArgumentException for a name not in {@link #names()} */
    public static ReportWriter create(String name, Context context) {
        Function<Context, ReportWriter> format = FORMATS.get(name);
        if (format == null) {
            throw new IllegalArgumentException("expected one of " + names());
        }
        return format.apply(context);
    }
}
