package org.osr.sweep.outputs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.osr.rules.RulePack;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a sweep was: {@code DIR/sweep.json}, written by the coordinator when the sweep starts and again when it ends.
 * The summary, ledger and report name the osr version and rule packs from it.
 *
 * @param osrVersion the version of osr that reviewed
 * @param packs      the rule packs in use, in order
 * @param startedAt  ISO-8601 instant the sweep started
 * @param finishedAt ISO-8601 instant it finished; null while it runs (or when it was killed)
 * @param failOn     the weakest action that fails the run: redact, refer or withhold
 * @param inputs     the paths and archives as the user named them
 * @param shard      {@code i/N} when this sweep is one shard, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepRun(String osrVersion, List<PackRef> packs, String startedAt, String finishedAt, String failOn,
                       List<String> inputs, String shard) {
    public static final String FILE = "sweep.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public SweepRun {
        packs = packs == null ? List.of() : List.copyOf(packs);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
    }

    /** One rule pack as the run used it: its file's SHA-256 names exactly which rules ran. */
    public record PackRef(String id, String version, String sha256) {
        public static PackRef of(RulePack p) {
            return new PackRef(p.id(), p.version(), p.sha256());
        }

        /** {@code id@version}, as the ledger shows it. */
        public String label() {
            return id + "@" + version;
        }
    }

    public String toJson() {
        return MAPPER.writeValueAsString(this);
    }

    public static SweepRun fromJson(String json) {
        return MAPPER.readValue(json, SweepRun.class);
    }

    /** Writes {@code dir/sweep.json} through a temporary file, so a reader never sees half of it. */
    public void write(Path dir) throws IOException {
        Path tmp = dir.resolve(FILE + ".tmp");
        Files.writeString(tmp, toJson() + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** {@code dir/sweep.json}, or null when the folder has none (a sweep from before it was written). */
    public static SweepRun read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        return Files.isRegularFile(file) ? fromJson(Files.readString(file, StandardCharsets.UTF_8)) : null;
    }

    /**
     * Several shards (or sweeps) as one run: the earliest start, the latest finish (null if any did not finish), the
     * packs and inputs of all of them without repeats, shards joined with {@code ,}. Versions and fail-on that differ
     * are joined the same way, so a mixed merge shows it rather than hiding it.
     */
    public static SweepRun combine(List<SweepRun> runs) {
        List<SweepRun> known = runs.stream().filter(java.util.Objects::nonNull).toList();
        if (known.isEmpty()) {
            return new SweepRun(null, List.of(), null, null, null, List.of(), null);
        }
        if (known.size() == 1) {
            return known.get(0);
        }
        LinkedHashSet<PackRef> packs = new LinkedHashSet<>();
        LinkedHashSet<String> inputs = new LinkedHashSet<>();
        List<String> versions = new ArrayList<>();
        List<String> failOns = new ArrayList<>();
        List<String> shards = new ArrayList<>();
        String started = null;
        String finished = null;
        boolean allFinished = true;
        for (SweepRun r : known) {
            packs.addAll(r.packs());
            inputs.addAll(r.inputs());
            addOnce(versions, r.osrVersion());
            addOnce(failOns, r.failOn());
            addOnce(shards, r.shard());
            if (r.startedAt() != null && (started == null || r.startedAt().compareTo(started) < 0)) {
                started = r.startedAt();
            }
            if (r.finishedAt() == null) {
                allFinished = false;
            } else if (finished == null || r.finishedAt().compareTo(finished) > 0) {
                finished = r.finishedAt();
            }
        }
        return new SweepRun(joined(versions), List.copyOf(packs), started, allFinished ? finished : null,
                joined(failOns), List.copyOf(inputs), joined(shards));
    }

    private static void addOnce(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : String.join(",", values);
    }
}
