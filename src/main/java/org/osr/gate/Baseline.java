package org.osr.gate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.osr.review.DocumentResult;
import org.osr.rules.SourcePosition;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings a site already had when it adopted osr: {@code --write-baseline FILE} records them, {@code --baseline
 * FILE} leaves only new ones. A finding is known by its rule and fingerprint; the fingerprint hashes no line, page,
 * path or format detail, so inserting text above a finding, re-saving the document or renaming it keeps it baselined.
 * The path is recorded for the reader of the file only.
 */
public final class Baseline {
    static final int FORMAT = 1;
    private static final String KIND = "baseline";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    record Entry(String fingerprint, String rule, String path) {
    }

    record FileJson(int osrBaseline, List<Entry> findings) {
    }

    private final Set<String> known;

    private Baseline(Set<String> known) {
        this.known = known;
    }

    public static Baseline load(Path file) throws GateFileException, IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        FileJson read;
        try {
            read = JSON.readValue(text, FileJson.class);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            throw new GateFileException(KIND, new SourcePosition(file.toString(),
                    loc == null ? 1 : Math.max(1, loc.getLineNr()), loc == null ? 1 : Math.max(1, loc.getColumnNr())),
                    "not an osr baseline (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (read == null || read.osrBaseline() != FORMAT || read.findings() == null) {
            throw new GateFileException(KIND, new SourcePosition(file.toString(), 1, 1),
                    "not an osr baseline: expected {\"osrBaseline\": " + FORMAT + ", \"findings\": [...]}, as "
                            + "--write-baseline writes it");
        }
        Set<String> known = new HashSet<>();
        for (Entry e : read.findings()) {
            known.add(key(e.rule(), e.fingerprint()));
        }
        return new Baseline(known);
    }

    boolean contains(DocumentResult.Finding f) {
        return known.contains(key(f.ruleId(), f.fingerprint()));
    }

    private static String key(String rule, String fingerprint) {
        return rule + "|" + fingerprint;
    }

    /** Collects the findings of a run for {@code --write-baseline}. */
    static final class Recorder {
        private final List<Entry> entries = new ArrayList<>();
        private final Set<String> seen = new HashSet<>();

        void add(DocumentResult document) {
            for (DocumentResult.Finding f : document.findings()) {
                if (seen.add(key(f.ruleId(), f.fingerprint()))) {
                    entries.add(new Entry(f.fingerprint(), f.ruleId(), document.path()));
                }
            }
        }

        void write(Path file) throws IOException {
            List<Entry> sorted = new ArrayList<>(entries);
            sorted.sort(Comparator.comparing(Entry::path, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Entry::rule).thenComparing(Entry::fingerprint));
            Files.writeString(file, JSON.writeValueAsString(new FileJson(FORMAT, sorted)) + "\n",
                    StandardCharsets.UTF_8);
        }
    }
}
