package org.osr.report;

import java.util.List;
import org.osr.run.ScanSummary;

/**
 * {@code --format code-quality}: GitLab's Code Quality report (a JSON array of Code Climate issues), which the merge
 * request widget shows on every GitLab tier. One issue per finding and per file osr could not read completely.
 */
final class CodeQualityReport extends CiReport {
    CodeQualityReport(Reports.Context context) {
        super(context);
    }

    record Issue(String type, String description, String check_name, String fingerprint, String severity,
                 List<String> categories, Location location) {
    }

    record Location(String path, Lines lines) {
    }

    record Lines(int begin) {
    }

    @Override
    String render(ScanSummary s, List<Entry> entries) {
        // A waived finding is listed as info with its approval: Code Quality has no suppression, and a blocker that
        // the gate no longer counts would contradict the pipeline's result.
        List<Issue> out = issues(entries).stream().map(i -> new Issue("issue",
                i.waived() ? i.message() + " (" + i.waiverNote() + ")" : i.message(), i.ruleId(),
                fingerprint(i), i.waived() ? "info" : severity(i.action()), List.of("Security"),
                new Location(i.path(), new Lines(i.startLine())))).toList();
        return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out);
    }

    /**
     * The finding's fingerprint, tied to its file: a finding's own fingerprint ignores the path (it survives a
     * rename), so the same marking in two copies of a document would share one, and GitLab, which keys issues by
     * fingerprint, would show only one of them.
     */
    static String fingerprint(CiIssue i) {
        return i.unreviewable() ? i.fingerprint() : CiIssue.sha256(i.path() + '\0' + i.fingerprint());
    }

    static String severity(String action) {
        return switch (action) {
            case "note" -> "info";
            case "redact" -> "minor";
            case "refer" -> "major";
            default -> "blocker";   // withhold, and a file that could not be read
        };
    }
}
