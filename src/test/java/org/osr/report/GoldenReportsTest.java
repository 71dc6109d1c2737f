package org.osr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePack;
import org.osr.run.Tally;

/**
 * Every format renders samples/ exactly as committed under {@code src/test/resources/golden/} (durations 0, start at
 * the epoch, tool version 0.0.0, a fixed fingerprint key). After an intended change of a report, regenerate them with
 * {@code mvn test -Dtest=GoldenReportsTest -Dgolden.update=true} and read the diff.
 */
class GoldenReportsTest {
    private static List<RulePack> packs;
    private static List<DocumentResult> results;

    @BeforeAll
    static void reviewSamples() throws Exception {
        packs = PackSources.bundled(new PackLoader());
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(packs),
                new Judge(Action.REDACT));
        Masking masking = Masking.of(packs);
        Fingerprint fingerprint = Fingerprint.withKey("golden".getBytes(StandardCharsets.UTF_8));
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            samples = files.sorted().toList();
        }
        results = new ArrayList<>();
        for (Path sample : samples) {
            DocumentResult r = DocumentResult.of(reviewer.review(sample, "samples/" + sample.getFileName()), masking,
                    fingerprint);
            results.add(new DocumentResult(r.path(), r.sha256(), r.size(), r.mediaType(), r.title(), r.abstractText(),
                    r.verdict(), r.exitCode(), 0, r.coverage(), r.findings()));
        }
    }

    @ParameterizedTest
    @CsvSource({"json, zh, json", "json, en, json", "jsonl, zh, jsonl", "jsonl, en, jsonl", "text, zh, txt",
        "text, en, txt"})
    void rendersSamplesAsCommitted(String format, String lang, String extension) throws Exception {
        StringWriter out = new StringWriter();
        ReportWriter report = Reports.create(format, new Reports.Context(out, Lang.parse(lang), Messages.of(packs),
                "0.0.0", Masking.of(packs)));
        Tally tally = new Tally();
        for (DocumentResult r : results) {
            report.document(r);
            tally.add(r.verdict(), r.exitCode());
        }
        report.finish(tally.summary(packs, Instant.EPOCH, 0));

        Path golden = Path.of("src/test/resources/golden", "samples." + lang + "." + extension);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, out.toString());
        }
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }
}
