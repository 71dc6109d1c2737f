package org.osr.report;

import java.io.IOException;
import org.osr.review.Opinion;

/** Receives opinions one at a time, so formats that can stream (jsonl, text) never hold a whole sweep in memory. */
public interface ReportWriter {
    void document(Opinion opinion) throws IOException;

    void finish(ScanSummary summary) throws IOException;
}
