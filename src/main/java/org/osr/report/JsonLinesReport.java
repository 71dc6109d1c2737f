package org.osr.report;

import java.io.IOException;
import org.osr.review.DocumentResult;
import org.osr.run.ScanSummary;

/** {@code --format jsonl}: one document per line as it is reviewed, then a closing summary line. */
final class JsonLinesReport implements ReportWriter {
    private final Reports.Context context;

    JsonLinesReport(Reports.Context context) {
        this.context = context;
    }

    @Override
    public void document(DocumentResult result) throws IOException {
        line(JsonModel.DocumentJson.of(result, context.messages(), context.lang()));
    }

    @Override
    public void finish(ScanSummary s) throws IOException {
        line(new JsonModel.Closing(JsonModel.Summary.of(s), s.verdict().id(), s.exitCode(),
                JsonModel.InputsJson.of(s, context.masking().plain())));
    }

    private void line(Object value) throws IOException {
        context.out().write(JsonReport.MAPPER.writeValueAsString(value));
        context.out().write('\n');
        context.out().flush();
    }
}
