package org.osr.report;

import java.io.IOException;
import org.osr.review.DocumentResult;
import org.osr.run.ScanSummary;

/**
 * One report format. Receives results one at a time, so formats that can stream (jsonl, text) never hold a whole
 * sweep in memory; words are looked up in the reader's language as it renders. Formats are chosen by name from
 * {@link Reports}.
 */
public interface ReportWriter {
    void document(DocumentResult result) throws IOException;

    void finish(ScanSummary summary) throws IOException;

    /** This report, and {@code other} after it, for every call. */
    default ReportWriter and(ReportWriter other) {
        ReportWriter first = this;
        return new ReportWriter() {
            @Override
            public void document(DocumentResult result) throws IOException {
                first.document(result);
                other.document(result);
            }

            @Override
            public void finish(ScanSummary summary) throws IOException {
                first.finish(summary);
                other.finish(summary);
            }
        };
    }
}
