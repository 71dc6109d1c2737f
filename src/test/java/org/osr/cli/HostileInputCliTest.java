package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.Slow;

/** Hostile rule packs and terms files end as a pack error (exit 78) naming the place; a scan never uses the net. */
@Slow
class HostileInputCliTest {
    private static final String HEAD = "pack: hostile\nversion: \"1\"\ntitle: hostile\n";

    @TempDir
    Path tmp;

    private Path pack(String yaml) throws IOException {
        Path file = tmp.resolve("hostile.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private static Run scan(Path pack, String target) {
        return ScanCommandTest.osr("scan", "--rules", pack.toString(), target);
    }

    @Test
    @Timeout(30)
    void globalJavaTagInAPackExits78WithItsPosition() throws IOException {
        Path pack = pack(HEAD + "rules: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]\n");

        Run run = scan(pack, "samples/notice-clean.docx");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(pack.toString()) + ":4:\\d+");
        assertThat(run.out()).isEmpty();
    }

    @Test
    @Timeout(30)
    void billionLaughsPackExits78WithItsPosition() throws IOException {
        StringBuilder yaml = new StringBuilder(HEAD);
        yaml.append("a0: &a0 [").append(String.join(",", Collections.nCopies(9, "\"lol\""))).append("]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [")
                    .append(String.join(",", Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("rules: *a9\n");
        Path pack = pack(yaml.toString());

        Run run = scan(pack, "samples/notice-clean.docx");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(pack.toString()) + ":\\d+:\\d+");
    }

    @Test
    @Timeout(30)
    void oneGigabyteTermsFileIsRefusedBeforeItIsRead() throws IOException {
        try (RandomAccessFile huge = new RandomAccessFile(tmp.resolve("huge.txt").toFile(), "rw")) {
            huge.setLength(1L << 30);   // sparse: costs no disk, and reading it would take seconds and 1 GiB
        }
        Path pack = pack(HEAD + """
                rules:
                  - id: hostile.terms
                    category: sensitive-term
                    action: refer
                    message: term
                    terms-file: huge.txt
                """);

        Run run = scan(pack, "samples/notice-clean.docx");

        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.err()).contains(pack + ":9:").contains("1073741824 bytes").contains("at most");
    }

    /** RE2/J matches in linear time, so the classic backtracking killers finish; the timeout is a hang guard. */
    @Test
    @Timeout(30)
    void catastrophicRegexesOnALongLineFinish() throws IOException {
        Path pack = pack(HEAD + """
                rules:
                  - id: hostile.nested-star
                    category: sensitive-term
                    action: refer
                    message: nested star
                    regex: '(a*)*b'
                  - id: hostile.nested-plus
                    category: sensitive-term
                    action: refer
                    message: nested plus
                    regex: '(x+x+)+y'
                """);
        Path doc = tmp.resolve("long.html");
        Files.writeString(doc, "<html><body><p>" + "a".repeat(100_000) + "</p><p>" + "x".repeat(100_000)
                + "</p></body></html>");

        Run run = scan(pack, doc.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
        assertThat(run.json().get("documents").get(0).get("verdict").asString()).isEqualTo("publishable");
    }

    /**
     * Runs a real scan of samples/ in a child JVM inside a new network namespace ({@code unshare -rn}: only a
     * loopback that is down, so any connection attempt fails). The scan must give the same verdicts as with a
     * network. This shows a scan needs no network; it cannot show that nothing tries to connect and silently copes
     * with the failure (that would need syscall tracing). Skipped where user namespaces are unavailable.
     */
    @Test
    @Timeout(120)
    void scanWithoutAnyNetworkGivesTheUsualVerdicts() throws Exception {
        assumeTrue(works("unshare", "-rn", "true"), "unshare -rn is not available here");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of("unshare", "-rn", java, "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan", "samples/"));
        Path out = tmp.resolve("out.json");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(100, TimeUnit.SECONDS)).isTrue();

        Run offline = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), "");
        Run online = ScanCommandTest.osr("scan", "samples/");
        assertThat(offline.exitCode()).as(Files.readString(tmp.resolve("err.txt"))).isEqualTo(online.exitCode());
        assertThat(ScanCommandTest.verdicts(offline.json())).isEqualTo(ScanCommandTest.verdicts(online.json()));
    }

    private static boolean works(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
