package org.osr.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.osr.judge.Opinion;
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

    public static FindingView of(Hit hit, String basis, Lang lang, Secrets secrets) {
        String text = hit.part().text();
        // Mask the whole part before cutting the context, so a value at the window's edge is never half shown.
        // Masking keeps every character's position (one star per character).
        String shown = secrets.mask(text);
        String original = hit.originalMatch();
        boolean masked = hit.rule().mask();
        String match = masked ? Masker.mask(original) : original;
        int from = Math.max(0, hit.start() - CONTEXT_CHARS);
        int to = Math.min(text.length(), hit.end() + CONTEXT_CHARS);
        String context = oneLine(shown.substring(from, hit.start())) + "⟦" + oneLine(match) + "⟧"
                + oneLine(shown.substring(hit.end(), to));
        String fingerprintInput = hit.rule().id() + "|" + hit.part().kind().id() + "|"
                + (masked ? Masker.mask(hit.normalizedMatch()) + "|" + hit.start() : hit.normalizedMatch());
        return new FindingView(hit.rule().id(), hit.rule().pack(), hit.rule().category(), hit.rule().action().id(),
                hit.rule().message().in(lang), basis, match, context.strip(), hit.part().kind().id(), hit.page(),
                hit.line(), text.codePointCount(0, hit.start()), original.codePointCount(0, original.length()),
                hit.part().embeddedPath(), hit.part().source(), sha256(fingerprintInput),
                secrets.mask(hit.explanation()));
    }

    /** @param secrets the document's personal data ({@link Secrets#of}), masked wherever it appears */
    public static List<FindingView> of(Opinion opinion, java.util.function.Function<String, String> basisOfPack,
                                       Lang lang, Secrets secrets) {
        return opinion.findings().stream()
                .map(h -> of(h, basisOfPack.apply(h.rule().pack()), lang, secrets)).toList();
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
