package org.osr.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osr.review.Opinion;
import org.osr.rules.Lang;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --format json} (one review opinion for the whole run, pretty-printed) and {@code --format jsonl} (one
 * document per line as it is reviewed, then a closing summary line).
 */
public final class JsonReport implements ReportWriter {
    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Writer out;
    private final boolean lines;
    private final Lang lang;
    private final Function<String, String> basisOfPack;
    private final List<JsonModel.DocumentJson> documents = new ArrayList<>();
    private final String toolVersion;
    private final Masking masking;

    public JsonReport(Writer out, boolean lines, Lang lang, Function<String, String> basisOfPack,
                      String toolVersion, Masking masking) {
        this.out = out;
        this.masking = masking;
        this.lines = lines;
        this.lang = lang;
        this.basisOfPack = basisOfPack;
        this.toolVersion = toolVersion;
    }

    @Override
    public void document(Opinion opinion) throws IOException {
        JsonModel.DocumentJson doc = JsonModel.DocumentJson.of(opinion, basisOfPack, lang, masking);
        if (lines) {
            out.write(MAPPER.writeValueAsString(doc));
            out.write('\n');
            out.flush();
        } else {
            documents.add(doc);
        }
    }

    @Override
    public void finish(ScanSummary s) throws IOException {
        JsonModel.Summary summary = JsonModel.Summary.of(s);
        JsonModel.InputsJson inputs = JsonModel.InputsJson.of(s, masking.plain());
        if (lines) {
            out.write(MAPPER.writeValueAsString(new JsonModel.Closing(summary, s.verdict().id(), s.exitCode(), inputs)));
            out.write('\n');
        } else {
            JsonModel.Report report = new JsonModel.Report(JsonModel.SCHEMA_VERSION,
                    new JsonModel.Tool("osr", toolVersion), s.packs().stream().map(JsonModel.Pack::of).toList(),
                    s.startedAt().toString(), s.durationMs(), s.verdict().id(), s.exitCode(), summary, inputs, documents);
            ObjectWriter pretty = MAPPER.writerWithDefaultPrettyPrinter();
            out.write(pretty.writeValueAsString(report));
            out.write('\n');
        }
        out.flush();
    }
}
