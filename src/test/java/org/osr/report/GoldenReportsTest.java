package org.osr.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osr.rules.Action;
import org.osr.rules.Lang;

/**
 * Every format renders samples/ exactly as committed under {@code src/test/resources/golden/} (durations 0, start at
 * the epoch, tool version 0.0.0, a fixed fingerprint key). After an intended change of a report, regenerate them with
 * {@code mvn test -Dtest=GoldenReportsTest -Dgolden.update=true} and read the diff.
 */
class GoldenReportsTest {
    private static ReviewedSamples samples;

    @BeforeAll
    static void reviewSamples() throws Exception {
        samples = ReviewedSamples.review();
    }

    @ParameterizedTest
    @CsvSource({"json, zh, json", "json, en, json", "jsonl, zh, jsonl", "jsonl, en, jsonl", "text, zh, txt",
        "text, en, txt", "sarif, zh, sarif.json", "sarif, en, sarif.json", "junit, en, junit.xml",
        "code-quality, en, code-quality.json"})
    void rendersSamplesAsCommitted(String format, String lang, String extension) throws Exception {
        String out = samples.render(format, Lang.parse(lang), Action.REDACT, samples.results());

        Path golden = Path.of("src/test/resources/golden", "samples." + lang + "." + extension);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, out);
        }
        assertThat(out).isEqualTo(Files.readString(golden));
    }
}
