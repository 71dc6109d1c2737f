package org.osr.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code DIR/state.json}: whether a sweep folder's sweep is finished, and the options that decide its results. A sweep started again with the same
 * {@link #config} on an unfinished folder resumes it; on a finished one it is the next, incremental sweep, which may
 * reuse the earlier results only when {@link Config#reviewedAlike} (same osr and packs, same OCR).
 *
 * @param status {@link #RUNNING} or {@link #COMPLETE}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepState(String status, Config config, String startedAt, String finishedAt) {
    public static final String FILE = "state.json";
    public static final String RUNNING = "running";
    public static final String COMPLETE = "complete";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * What decides the sweep's results.
     *
     * @param inputs  the paths as given, made absolute
     * @param packs   {@code id@version#sha256} of every pack in use
     * @param ocr     the OCR mode
     * @param since   ISO date of {@code --since}, or null
     * @param shard   {@code i/N}, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Config(String osrVersion, List<String> inputs, List<String> packs, String ocr, boolean hidden,
                         String since, String shard, String failOn) {
        /** Results made under the other config are what this one would make (item by item). */
        public boolean reviewedAlike(Config other) {
            return osrVersion.equals(other.osrVersion) && packs.equals(other.packs) && ocr.equals(other.ocr);
        }
    }

    public static SweepState read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return MAPPER.readValue(Files.readString(file), SweepState.class);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a sweep state osr wrote (" + e.getMessage() + ")", e);
        }
    }

    /** Written to a temporary name and moved into place: a kill never leaves half a state. */
    public void write(Path dir) throws IOException {
        Path temp = dir.resolve(FILE + ".tmp");
        Files.writeString(temp, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n");
        Files.move(temp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
