package org.osr.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.osr.review.DocumentResult;
import org.osr.run.ScanSummary;
import tools.jackson.databind.json.JsonMapper;

/** {@code --format json}: one review opinion for the whole run, pretty-printed at the end. */
final class JsonReport implements ReportWriter {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Reports.Context context;
    private final List<JsonModel.DocumentJson> documents = new ArrayList<>();

    JsonReport(Reports.Context context) {
        this.context = context;
    }

    @Override
    public void document(DocumentResult result) {
        documents.add(JsonModel.DocumentJson.of(result, context.messages(), context.lang()));
    }

    @Override
    public void finish(ScanSummary s) throws IOException {
        JsonModel.Report report = new JsonModel.Report(JsonModel.SCHEMA_VERSION,
                new JsonModel.Tool("osr", context.toolVersion()), s.packs().stream().map(JsonModel.Pack::of).toList(),
                s.startedAt().toString(), s.durationMs(), s.verdict().id(), s.exitCode(), JsonModel.Summary.of(s),
                JsonModel.InputsJson.of(s, context.masking().plain()), documents);
        context.out().write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        context.out().write('\n');
        context.out().flush();
    }
}
