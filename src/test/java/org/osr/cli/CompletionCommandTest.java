package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.Programs;

/** {@code osr completion bash|zsh} prints a script the shell accepts and that completes osr's commands and options. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    private record Shell(int exitCode, String out) {}

    private static Shell shell(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Shell(p.exitValue(), out);
    }

    private Path script(String shellName) throws IOException {
        Run run = ScanCommandTest.osr("completion", shellName);
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = dir.resolve("osr." + shellName);
        Files.writeString(script, run.out());
        return script;
    }

    /** What bash offers for the last word of {@code line}, by the script's own completion function. */
    private static String complete(Path script, String line) throws IOException, InterruptedException {
        String words = line.endsWith(" ") ? line + "''" : line;
        Shell shell = shell(List.of("bash", "-c", "source '" + script + "'; COMP_WORDS=(" + words + "); "
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}; "
                + "_complete_osr 2>/dev/null; printf '%s\\n' \"${COMPREPLY[@]}\""));
        assertThat(shell.exitCode()).as(shell.out()).isZero();
        return shell.out();
    }

    @Test
    void theBashScriptNamesScanAndItsOptions() {
        String bash = ScanCommandTest.osr("completion", "bash").out();
        assertThat(bash).contains("complete -F _complete_osr", "function _picocli_osr_scan()");
        String scanOptions = bash.lines().dropWhile(l -> !l.startsWith("function _picocli_osr_scan()"))
                .filter(l -> l.contains("arg_opts=")).findFirst().orElseThrow();
        assertThat(scanOptions).contains("'--format'", "'--output'", "'--fail-on'", "'--rules'", "'--jobs'",
                "'--timeout'", "'--lang'");
    }

    @Test
    void bashAcceptsTheScriptAndItCompletesCommandsAndOptions() throws Exception {
        assumeTrue(Programs.onPath("bash"), "bash is not installed");
        Path script = script("bash");
        Shell syntax = shell(List.of("bash", "-n", script.toString()));
        assertThat(syntax.exitCode()).as(syntax.out()).isZero();

        assertThat(complete(script, "osr sc").lines()).containsExactly("scan");
        assertThat(complete(script, "osr scan --fa").lines()).containsExactly("--fail-on");
        assertThat(complete(script, "osr rules ").lines()).contains("list", "show", "test", "lint");
        assertThat(complete(script, "osr comp").lines()).containsExactly("completion");
    }

    @Test
    void theZshScriptIsTheBashScriptLoadedThroughBashcompinit() throws Exception {
        String zsh = ScanCommandTest.osr("completion", "zsh").out();
        String bash = ScanCommandTest.osr("completion", "bash").out();
        assertThat(zsh).startsWith("# osr completion for zsh").endsWith(bash).contains("bashcompinit");
        assumeTrue(Programs.onPath("zsh"), "zsh is not installed");
        Shell syntax = shell(List.of("zsh", "-n", script("zsh").toString()));
        assertThat(syntax.exitCode()).as(syntax.out()).isZero();
    }

    @Test
    void anotherShellIsAUsageError() {
        Run run = ScanCommandTest.osr("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(64);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("osr: ").contains("bash, zsh");
    }
}
