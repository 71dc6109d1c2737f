package org.osr.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * samples/, docs/samples.md and the generator cannot drift apart: the verdicts live in {@link SampleSet} only; the
 * committed description is the one the generator writes; the committed files and freshly generated ones (written by
 * the entry point {@code scripts/make-samples} runs) both get exactly those verdicts from a real scan.
 */
class SamplesDoNotDriftTest {

    @TempDir
    Path tmp;

    @Test
    void docsTableIsTheOneTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(Path.of("docs/samples.md"), StandardCharsets.UTF_8)).isEqualTo(SampleSet.readme());
    }

    @Test
    void committedSamplesGetTheirListedVerdicts() throws IOException {
        assertThat(fileNames(Path.of("samples"))).containsExactlyInAnyOrderElementsOf(SampleSet.verdicts().keySet());
        assertThat(scanVerdicts(Path.of("samples"))).containsExactlyInAnyOrderEntriesOf(SampleSet.verdicts());
    }

    @Test
    void regeneratedSamplesGetTheSameVerdictsAndDescription() throws IOException {
        // CJK PDFs need a CJK font; .ci/run installs it (Debian fonts-droid-fallback), a user's machine may lack it.
        assumeTrue(Files.exists(Path.of(SampleDocuments.DEFAULT_FONT)), "no CJK font installed");
        Path samples = tmp.resolve("samples");
        SampleDocuments.main(new String[] {samples.toString()});

        assertThat(fileNames(samples)).containsExactlyInAnyOrderElementsOf(SampleSet.verdicts().keySet());
        assertThat(scanVerdicts(samples)).containsExactlyInAnyOrderEntriesOf(SampleSet.verdicts());
        assertThat(tmp.resolve("docs/samples.md")).hasSameTextualContentAs(Path.of("docs/samples.md"));
    }

    /** File name to verdict, from {@code osr scan --format json DIR} run in-process. */
    private static Map<String, String> scanVerdicts(Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[] {"scan", "--format", "json", "-q", dir.toString()},
                new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isNotIn(64, 65, 70, 74);
        JsonNode report = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, String> verdicts = new LinkedHashMap<>();
        report.get("documents").forEach(d -> verdicts.put(
                Path.of(d.get("path").asString()).getFileName().toString(), d.get("verdict").asString()));
        return verdicts;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
