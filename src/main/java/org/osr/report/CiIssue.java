package org.osr.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.osr.review.DocumentResult;
import org.osr.review.Redactor;
import org.osr.rules.Lang;
import org.osr.source.Inputs;

/**
 * One thing a CI system shows against a file: a finding, or a file osr could not read completely (coverage problems,
 * or an input path it could not open). The CI formats (SARIF, JUnit, Code Quality) render these; all text comes
 * masked from the {@link DocumentResult} or is masked here.
 *
 * @param ruleId      the finding's rule, or {@value #UNREVIEWABLE}
 * @param action      withhold, refer, redact, note, or {@value #UNREVIEWABLE}
 * @param path        the path relative to the repository root, forward slashes, no {@code ./}; not URI-encoded
 * @param message     the rule's message and where: part, page, line; or the coverage problems
 * @param finding     the finding, or null for an unreviewable file
 */
record CiIssue(String ruleId, String action, String path, String message, String fingerprint,
               DocumentResult.Finding finding) {
    static final String UNREVIEWABLE = "osr.unreviewable";

    /** Most serious first: the order a capped report keeps. */
    int rank() {
        return switch (action) {
            case UNREVIEWABLE -> 0;
            case "withhold" -> 1;
            case "refer" -> 2;
            case "redact" -> 3;
            default -> 4;
        };
    }

    boolean unreviewable() {
        return finding == null;
    }

    /** Whether a waiver in the repository covers the finding: it is shown, with who and why, and does not fail. */
    boolean waived() {
        return finding != null && finding.waiver() != null;
    }

    /** Who approved the waiver, when, why and until when, for the CI systems' "suppressed" or "waived" text. */
    String waiverNote() {
        DocumentResult.Waiver w = finding.waiver();
        return "waived by " + w.approvedBy() + " on " + w.approvedOn() + (w.expires() == null ? ""
                : " until " + w.expires()) + ": " + w.reason();
    }

    /**
     * The document's findings, then one issue for its coverage problems when it was not read completely — also
     * when a withhold finding decided its verdict, since what was not read is still unchecked.
     */
    static List<CiIssue> of(DocumentResult r, Messages messages, Lang lang, Path root) {
        String path = relativePath(r.path(), root);
        List<CiIssue> issues = new ArrayList<>();
        for (DocumentResult.Finding f : r.findings()) {
            String text = messages.message(f.pack(), f.ruleId(), lang) + ReviewText.where(f.location(), lang)
                    + (lang == Lang.ZH ? "：" : ": ") + f.context();
            issues.add(new CiIssue(f.ruleId(), f.action(), path, text, f.fingerprint(), f));
        }
        if (!r.coverage().complete()) {
            issues.add(unreviewable(path, ReviewText.problems(r, lang), r.coverage().problems().stream()
                    .map(DocumentResult.ProblemResult::code).toList()));
        }
        return issues;
    }

    /** An input path that could not be opened at all. */
    static CiIssue of(Inputs.InputError e, Redactor plain, Path root) {
        return unreviewable(relativePath(plain.maskPath(e.path()), root), e.code() + ": " + plain.mask(e.message()),
                List.of(e.code()));
    }

    private static CiIssue unreviewable(String path, String message, List<String> codes) {
        return new CiIssue(UNREVIEWABLE, UNREVIEWABLE, path, message,
                sha256(UNREVIEWABLE + '\0' + path + '\0' + String.join(",", codes)), null);
    }

    /**
     * The line of the file a CI system points at: for a text-like file (HTML, plain text, Markdown), the line of the
     * file where the finding's text stands; otherwise 1, with part, page and line in the message (and in SARIF's
     * properties). A finding's own line counts lines of the extracted text, which are not the file's: DOCX and PDF
     * have none, HTML's markup lines differ, and plain text loses its blank lines on extraction.
     */
    int startLine() {
        Integer line = finding == null ? null : finding.location().fileLine();
        return line == null ? 1 : line;
    }

    /**
     * {@code path} relative to {@code root} (the repository root, the directory osr runs in): forward slashes, no
     * {@code ./}; a path outside it stays absolute.
     */
    static String relativePath(String path, Path root) {
        String p = path.replace('\\', '/');
        try {
            Path given = Path.of(path);
            if (given.isAbsolute()) {
                Path abs = given.normalize();
                Path base = root.toAbsolutePath().normalize();
                p = abs.startsWith(base) ? base.relativize(abs).toString().replace('\\', '/')
                        : abs.toString().replace('\\', '/');
            }
        } catch (java.nio.file.InvalidPathException e) {
            // a display path that is no file path (an archive member): keep it as given
        }
        while (p.startsWith("./")) {
            p = p.substring(2);
        }
        return p.replaceAll("/\\./", "/").replaceAll("/{2,}", "/");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
