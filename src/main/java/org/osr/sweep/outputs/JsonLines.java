package org.osr.sweep.outputs;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a JSON-lines file one line at a time. A sweep killed mid-write leaves a partial last line; that line, and any
 * other line that does not parse, is skipped and counted (the summary says how many), never fatal.
 */
final class JsonLines {
    private JsonLines() {
    }

    /** @return lines skipped because they did not parse; a missing file is read as empty */
    static <T> long read(Path file, Function<String, T> parse, Consumer<T> sink) throws IOException {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        long malformed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                T value;
                try {
                    value = parse.apply(line);
                } catch (RuntimeException e) {
                    malformed++;
                    continue;
                }
                sink.accept(value);
            }
        }
        return malformed;
    }
}
