package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;

/** Through the command line: a regex too large to run stops the run with exit 78 and file:line:column. */
class PackBoundsCliTest {
    private static final String RULE = """
            pack: office
            version: "1"
            title: office
            rules:
              - id: office.rule
                category: sensitive-term
                action: refer
                message: rule
            """;

    @TempDir
    Path tmp;

    private Path pack(String matcherLine) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("packs"));
        Path file = folder.resolve("office.yaml");
        Files.writeString(file, RULE + "    " + matcherLine + "\n");
        return file;
    }

    private static Run scan(String... rules) {
        String[] args = new String[rules.length * 2 + 2];
        args[0] = "scan";
        for (int i = 0; i < rules.length; i++) {
            args[1 + 2 * i] = "--rules";
            args[2 + 2 * i] = rules[i];
        }
        args[args.length - 1] = "samples/notice-clean.docx";
        return ScanCommandTest.osr(args);
    }

    @Test
    @Timeout(30)
    void aRegexThatCompilesToAMillionInstructionsExits78AtTheRegex() throws IOException {
        Path pack = pack("regex: '(a{1000}){1000}'");

        Run run = scan(pack.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:12:").contains("regex repeats too much");
        assertThat(run.out()).isEmpty();
    }
}
