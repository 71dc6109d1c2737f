package org.osr.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.osr.review.Opinion;
import org.osr.match.Hit;
import org.osr.rules.Lang;

/**
 * A finding as every report shows it: message in the chosen language, the original text with masking applied,
 * context, location and a stable fingerprint.
 *
 * @param offset code-point offset of the match in its part's original text
 * @param length code-point length of the match
 */
public record FindingView(String ruleId, String pack, String category, String action, String message, String basis,
                          String match, String context, String part, Integer page, int line, int offset, int length,
                          String embeddedPath, String source, String fingerprint, String explanation) {
    static final int CONTEXT_CHARS = 20;

    public static FindingView of(Hit hit, String basis, Lang lang, Redactor redactor) {
        String text = hit.part().text();
        String original = hit.originalMatch();
        boolean masked = hit.rule().mask();
        int from = Math.max(0, hit.start() - CONTEXT_CHARS);
        int to = Math.min(text.length(), hit.end() + CONTEXT_CHARS);
        // Masking is decided on a window wider than the context, then the context is cut from it.
        String shown = redactor.window(text, from, to);
        String match = masked ? Masker.mask(original) : shown.substring(hit.start() - from, hit.end() - from);
        String context = oneLine(shown.substring(0, hit.start() - from)) + "⟦" + oneLine(match) + "⟧"
                + oneLine(shown.substring(hit.end() - from));
        String fingerprintInput = hit.rule().id() + "|" + hit.part().kind().id() + "|"
                + (masked ? Masker.mask(hit.normalizedMatch()) + "|" + hit.start() : hit.normalizedMatch());
        return new FindingView(hit.rule().id(), hit.rule().pack(), hit.rule().category(), hit.rule().action().id(),
                hit.rule().message().in(lang), basis, match, context.strip(), hit.part().kind().id(), hit.page(),
                hit.line(), text.codePointCount(0, hit.start()), original.codePointCount(0, original.length()),
                redactor.maskPath(hit.part().embeddedPath()), redactor.mask(hit.part().source()), sha256(fingerprintInput),
                redactor.mask(hit.explanation()));
    }

    /** @param redactor the document's masking ({@link Masking#forDocument}) */
    public static List<FindingView> of(Opinion opinion, java.util.function.Function<String, String> basisOfPack,
                                       Lang lang, Redactor redactor) {
        return opinion.findings().stream()
                .map(h -> of(h, basisOfPack.apply(h.rule().pack()), lang, redactor)).toList();
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\f', ' ').replace('\t', ' ').replace('\r', ' ');
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
