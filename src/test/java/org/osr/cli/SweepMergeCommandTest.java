package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.judge.Verdict;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.SweepItem;
import org.osr.sweep.outputs.SweepRun;
import org.osr.sweep.outputs.SweepSummary;

/** {@code osr sweep merge}, run as the command line runs it (registered here as the lead registers it). */
class SweepMergeCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        Io io = new Io(new ByteArrayInputStream(new byte[0]), o, o, new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        var cli = Main.commandLine(io);
        cli.addSubcommand("merge", new SweepMergeCommand(io));
        cli.setErr(new java.io.PrintWriter(io.err(), true));   // reaches the command added after commandLine set it
        return cli.execute(args);
    }

    private Path shard(String name, String shard, ManifestEntry... entries) throws Exception {
        Path d = Files.createDirectories(dir.resolve(name));
        StringBuilder sb = new StringBuilder();
        for (ManifestEntry e : entries) {
            sb.append(e.toJson()).append('\n');
        }
        Files.writeString(d.resolve("manifest.jsonl"), sb);
        new SweepRun("0.test", List.of(new SweepRun.PackRef("p", "1", "00")), "2026-11-30T09:00:00Z",
                "2026-11-30T09:01:00Z", "withhold", List.of("site"), shard).write(d);
        return d;
    }

    private static ManifestEntry entry(String path, Verdict verdict, String sha) {
        return new ManifestEntry(path, "/" + path, SweepItem.FILE, null, 10, "2026-06-01T00:00:00Z", null, sha,
                ManifestEntry.REVIEWED, verdict, List.of(), null, null, "2026-11-30T09:00:30Z");
    }

    @Test
    void mergesShardFoldersAndExitsAsScanWouldForTheirItems() throws Exception {
        Path a = shard("a", "1/2", entry("a.html", Verdict.PUBLISHABLE, "aa"), entry("b.html", Verdict.REFER, "bb"));
        Path b = shard("b", "2/2", entry("c.html", Verdict.REFER, "bb"));
        Path m = dir.resolve("merged");

        int code = run("merge", a.toString(), b.toString(), "--out", m.toString(), "--lang", "zh");

        assertThat(code).as("refer is below --fail-on withhold: 0, as osr scan --fail-on withhold").isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("merged 2 sweep folders").contains("3 items");
        SweepSummary s = SweepSummary.fromJson(Files.readString(m.resolve("summary.json")));
        assertThat(s.statuses()).containsEntry("reviewed", 2L).containsEntry("duplicate", 1L);
        assertThat(s.shard()).isEqualTo("1/2,2/2");
        assertThat(Files.readString(m.resolve("ledger.csv"), StandardCharsets.UTF_8)).contains("信息名称")
                .contains("报送确定");
        assertThat(m.resolve("ledger.xlsx")).isRegularFile();
        assertThat(m.resolve("report.html")).isRegularFile();
    }

    @Test
    void aFolderThatIsNotASweepIsAUsageError() throws Exception {
        Path a = shard("a", null, entry("a.html", Verdict.PUBLISHABLE, "aa"));
        Path empty = Files.createDirectories(dir.resolve("empty"));

        assertThat(run("merge", a.toString(), empty.toString(), "--out", dir.resolve("m").toString())).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a sweep folder");
        assertThat(run("merge", a.toString(), "--out", a.toString())).isEqualTo(64);
    }
}
