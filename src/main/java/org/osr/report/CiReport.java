package org.osr.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.review.DocumentResult;
import org.osr.run.ScanSummary;

/**
 * A report for a CI system: gathers each document's {@link CiIssue}s, and one for each input path that could not be
 * opened, and writes them all at the end (the formats are single documents, and SARIF keeps the most serious).
 */
abstract class CiReport implements ReportWriter {
    /** One document, or one input path that could not be opened, with what the CI system shows against it. */
    record Entry(String path, long durationMs, List<CiIssue> issues) {
    }

    final Reports.Context context;
    /** The repository root paths are made relative to: the directory osr runs in. */
    private final Path root = Path.of("");
    private final List<Entry> entries = new ArrayList<>();

    CiReport(Reports.Context context) {
        this.context = context;
    }

    @Override
    public final void document(DocumentResult result) {
        entries.add(new Entry(CiIssue.relativePath(result.path(), root), result.durationMs(),
                CiIssue.of(result, context.messages(), context.lang(), root)));
    }

    @Override
    public final void finish(ScanSummary s) throws IOException {
        for (var e : s.inputErrors()) {
            CiIssue issue = CiIssue.of(e, context.masking().plain(), root);
            entries.add(new Entry(issue.path(), 0, List.of(issue)));
        }
        context.out().write(render(s, entries));
        context.out().write('\n');
        context.out().flush();
    }

    abstract String render(ScanSummary s, List<Entry> entries) throws IOException;

    static List<CiIssue> issues(List<Entry> entries) {
        return entries.stream().flatMap(e -> e.issues().stream()).toList();
    }
}
