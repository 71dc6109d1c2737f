package org.osr.clean;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.cli.Main;

/** One {@code osr clean} run in this process: its exit code and what it printed. */
record CleanRun(int code, String out, String err) {
    static CleanRun clean(Path file, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("clean", "--lang", "en", file.toString(), "--out", out.toString()));
        args.addAll(List.of(more));
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new ByteArrayInputStream(new byte[0]),
                new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new CleanRun(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }

    /** Refused with {@code code}: no copy, nothing else left beside the original (no temporary file), and said so. */
    void assertRefused(int code, Path original, Path copy) {
        org.assertj.core.api.Assertions.assertThat(code()).as("%s", this).isEqualTo(code);
        org.assertj.core.api.Assertions.assertThat(copy).doesNotExist();
        org.assertj.core.api.Assertions.assertThat(original.getParent().toFile().list())
                .containsExactly(original.getFileName().toString());
        org.assertj.core.api.Assertions.assertThat(err()).contains("nothing was written");
    }

    /** The summary's count for one kind of removal ("comments 2" → 2), 0 when it is not listed. */
    int removed(Removal kind) {
        for (String line : out.split("\n")) {
            if (line.startsWith("removed: ")) {
                for (String item : line.substring("removed: ".length()).split(", ")) {
                    if (item.startsWith(kind.words() + " ")) {
                        return Integer.parseInt(item.substring(kind.words().length() + 1).strip());
                    }
                }
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
