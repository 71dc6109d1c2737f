package org.osr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.osr.extract.TikaExtractor;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.rules.RulePackException;

/** The one-line summary an officer sees on the terminal while stdout carries the JSON. */
class TerminalSummaryTest {

    private static String summaryOf(String sample, Lang lang, boolean colour) throws IOException, RulePackException {
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(),
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new TerminalSummary(new PrintStream(bytes, true, StandardCharsets.UTF_8), lang, colour)
                .document(DocumentResult.of(reviewer.review(Path.of("samples", sample), "samples/" + sample),
                        Masking.NONE, Fingerprint.withKey(new byte[32])));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withheldDocumentIsOneRedLineWithVerdictPathAndFindingCount() throws Exception {
        String line = summaryOf("notice-marked.docx", Lang.ZH, true);
        assertThat(line.lines()).hasSize(1);
        assertThat(line).contains("\u001b[1;31m").contains("withhold").contains("不予公开")
                .contains("samples/notice-marked.docx").contains("1 处发现");
    }

    @Test
    void unreviewableDocumentNamesTheProblemAndNoColourWhenAsked() throws Exception {
        String line = summaryOf("encrypted.pdf", Lang.EN, false);
        assertThat(line).doesNotContain("\u001b[").contains("unreviewable").contains("encrypted");
    }
}
