package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;

/**
 * Through the command line: a regex too large to run, and a terms file outside the pack's folder and the --rules
 * folders or not a regular file, stop the run with exit 78 and file:line:column of the offending value.
 */
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

    @Test
    @Timeout(30)
    void aTermsFileOutsideThePacksFolderExits78AtTheTermsFileValue() throws IOException {
        Files.writeString(tmp.resolve("secret.txt"), "机密\n");
        Path pack = pack("terms-file: ../secret.txt");

        Run run = scan(pack.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:17:").contains("outside the pack's folder");
    }

    @Test
    @Timeout(30)
    void devZeroAsATermsFileExits78InsteadOfRunningOutOfMemory() throws IOException {
        Path pack = pack("terms-file: /dev/zero");

        Run run = scan(pack.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:17:").contains("/dev/zero");

        // Naming /dev with --rules does not make its devices term lists: a --rules folder must hold packs (64).
        assertThat(scan(pack.toString(), "/dev").exitCode()).isEqualTo(64);
    }

    @Test
    @Timeout(30)
    void aFifoAsATermsFileExits78InsteadOfHanging() throws Exception {
        Path pack = pack("terms-file: fifo.txt");
        Process mkfifo = new ProcessBuilder("mkfifo", pack.resolveSibling("fifo.txt").toString()).start();
        assumeTrue(mkfifo.waitFor(5, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");

        Run run = scan(pack.toString());

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:17:").contains("FIFO");
    }

    @Test
    @Timeout(30)
    void aTermsFileInAnotherRulesFolderIsUsed() throws IOException {
        Path lists = Files.createDirectories(tmp.resolve("lists"));
        Files.writeString(lists.resolve("ours.txt"), "防汛\n");
        // A --rules folder must hold packs; this one holds the office's term lists and a pack of its own.
        Files.writeString(lists.resolve("lists.yaml"), RULE.replace("office", "lists") + "    terms: [防汛演练]\n");
        Path pack = pack("terms-file: ../lists/ours.txt");

        Run run = scan(pack.getParent().toString(), lists.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("office.rule");
    }
}
