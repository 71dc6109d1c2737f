package org.osr.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the damage a PDF parser worked around from what it logged ({@link ParserLog}): a dictionary it could not
 * parse, a stream without a length, a ToUnicode map it could not read, a corrupt compressed stream it stopped
 * reading. Each means text or metadata may be missing while the parse "succeeded", so the file is not complete.
 * Messages about glyphs without a Unicode mapping are not damage: they are counted as undecodable text elsewhere.
 */
final class ParserDamage {
    private static final Pattern PDF_LOGGERS = Pattern.compile("org\\.apache\\.(pdfbox|fontbox)\\..*");
    private static final Pattern DAMAGE = Pattern.compile("(?i)(invalid dictionary|stream length|"
            + "could not read|corrupt|premature|unknown dir object|expected hex|xref|trailer|can't find|cannot find|"
            + "format error|damaged|repair|skipped|unexpected end|not a valid|bad |broken)");

    private ParserDamage() {
    }

    static List<Problem> of(List<String> log) {
        for (String line : log) {
            int colon = line.indexOf(": ");
            String logger = colon < 0 ? "" : line.substring(0, colon);
            String message = colon < 0 ? line : line.substring(colon + 2);
            if (PDF_LOGGERS.matcher(logger).matches() && DAMAGE.matcher(message).find()) {
                return List.of(new Problem(Problem.CORRUPT, "the PDF is damaged; its reader worked around it and "
                        + "may have dropped text (" + (message.length() > 160 ? message.substring(0, 160) + "…"
                        : message) + ")"));
            }
        }
        return List.of();
    }
}
