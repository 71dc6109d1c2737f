package org.osr.report;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
 * samples/ reviewed with the bundled packs, reproducibly: durations 0, a fixed fingerprint key. Reports render it with
 * the run starting at the epoch and tool version 0.0.0.
 */
record ReviewedSamples(List<RulePack> packs, List<DocumentResult> results) {
    static ReviewedSamples review() throws Exception {
        List<RulePack> packs = PackSources.bundled(new PackLoader());
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), new RuleEngine(packs),
                new Judge(Action.REDACT));
        Masking masking = Masking.of(packs);
        Fingerprint fingerprint = Fingerprint.withKey("golden".getBytes(StandardCharsets.UTF_8));
        List<Path> samples;
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            samples = files.sorted().toList();
        }
        List<DocumentResult> results = new ArrayList<>();
        for (Path sample : samples) {
            DocumentResult r = DocumentResult.of(reviewer.review(sample, "samples/" + sample.getFileName()), masking,
                    fingerprint);
            results.add(new DocumentResult(r.path(), r.sha256(), r.size(), r.mediaType(), r.title(), r.abstractText(),
                    r.verdict(), r.exitCode(), 0, r.coverage(), r.findings()));
        }
        return new ReviewedSamples(packs, results);
    }

    /** {@code results} rendered by {@code format}, as the scan command drives a report. */
    String render(String format, Lang lang, Action failOn, List<DocumentResult> results) throws IOException {
        StringWriter out = new StringWriter();
        ReportWriter report = Reports.create(format, new Reports.Context(out, lang, Messages.of(packs), "0.0.0",
                Masking.of(packs), failOn));
        Tally tally = new Tally();
        for (DocumentResult r : results) {
            report.document(r);
            tally.add(r.verdict(), r.exitCode());
        }
        report.finish(tally.summary(packs, Instant.EPOCH, 0));
        return out.toString();
    }

    Messages messagesOf() {
        return Messages.of(packs);
    }
}
