package org.osr.gate;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.LocalDate;
import org.osr.review.DocumentResult;
import org.osr.rules.SourcePosition;

/**
 * One entry of {@code .osr-waivers.yaml}: which findings it lets through (a rule, and a finding fingerprint, a
 * document SHA-256 and/or a path glob, all of which must match) and who approved it, why, when, and until when.
 *
 * @param expires the last day it applies; null when it does not expire
 * @param at      where the entry is written, for messages
 */
public record Waiver(String rule, String fingerprint, String sha256, String path, String reason, String approvedBy,
                     LocalDate approvedOn, LocalDate expires, SourcePosition at) {

    boolean covers(DocumentResult document, DocumentResult.Finding finding) {
        return rule.equals(finding.ruleId())
                && (fingerprint == null || fingerprint.equals(finding.fingerprint()))
                && (sha256 == null || sha256.equalsIgnoreCase(String.valueOf(document.sha256())))
                && (path == null || pathMatches(document.path()));
    }

    boolean expiredOn(LocalDate today) {
        return expires != null && expires.isBefore(today);
    }

    private boolean pathMatches(String documentPath) {
        if (documentPath == null) {
            return false;
        }
        String p = documentPath.startsWith("./") ? documentPath.substring(2) : documentPath;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path);
        return matcher.matches(Path.of(p));
    }

    DocumentResult.Waiver shown() {
        return new DocumentResult.Waiver(reason, approvedBy, approvedOn.toString(),
                expires == null ? null : expires.toString());
    }

    /** How a message names it: {@code .osr-waivers.yaml:12:5 (rule-id, fingerprint 0123abcd…)}. */
    String describe() {
        String key = fingerprint != null ? "fingerprint " + fingerprint.substring(0, 12) + "…"
                : sha256 != null ? "sha256 " + sha256.substring(0, 12) + "…" : "path " + path;
        return at + " (" + rule + ", " + key + ")";
    }
}
