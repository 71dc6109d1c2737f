package org.osr.sweep.outputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.rules.Action;

/** sweep.json as the coordinator writes it and as a merge combines several; the set that deduplicates lines. */
class SweepRunTest {
    @TempDir
    Path dir;

    private static SweepRun shard(String shard, String started, String finished, String pack) {
        return new SweepRun("1.0", List.of(new SweepRun.PackRef(pack, "2026.11", "ab12")), started, finished,
                "redact", List.of("/srv/site"), shard);
    }

    @Test
    void sweepJsonReadsBackAsWritten() throws Exception {
        SweepRun run = shard("1/2", "2026-11-30T09:00:00Z", null, "p");
        run.write(dir);
        assertThat(Files.readString(dir.resolve("sweep.json"))).startsWith("{\"osrVersion\":\"1.0\",\"packs\":[{\"id\":"
                + "\"p\",\"version\":\"2026.11\",\"sha256\":\"ab12\"}],\"startedAt\":\"2026-11-30T09:00:00Z\","
                + "\"failOn\":\"redact\",\"inputs\":[\"/srv/site\"],\"shard\":\"1/2\"}");
        assertThat(SweepRun.read(dir)).isEqualTo(run);
        assertThat(SweepRun.read(dir.resolve("none"))).isNull();
    }

    @Test
    void shardsCombineIntoOneRunThatFinishedOnlyWhenAllDid() {
        SweepRun a = shard("1/2", "2026-11-30T09:00:05Z", "2026-11-30T10:00:00Z", "p");
        SweepRun b = shard("2/2", "2026-11-30T09:00:00Z", "2026-11-30T10:30:00Z", "p");
        SweepRun both = SweepRun.combine(List.of(a, b));
        assertThat(both.startedAt()).isEqualTo("2026-11-30T09:00:00Z");
        assertThat(both.finishedAt()).isEqualTo("2026-11-30T10:30:00Z");
        assertThat(both.packs()).hasSize(1);
        assertThat(both.inputs()).containsExactly("/srv/site");
        assertThat(both.shard()).isEqualTo("1/2,2/2");
        assertThat(SweepRun.combine(List.of(a, shard("2/2", "2026-11-30T09:00:00Z", null, "q"))).finishedAt())
                .isNull();
        assertThat(SweepRun.combine(java.util.Arrays.asList(null, a))).isEqualTo(a);
    }

    @Test
    void mergedShardsWithDifferentFailOnCountWithTheStrictest() {
        assertThat(SweepOutputs.failOn("withhold,refer")).isEqualTo(Action.REFER);
        assertThat(SweepOutputs.failOn(null)).isEqualTo(Action.REDACT);
        assertThat(SweepOutputs.failOn("nonsense")).isEqualTo(Action.REDACT);
    }
}
