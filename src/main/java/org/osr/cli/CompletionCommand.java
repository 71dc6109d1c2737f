package org.osr.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code osr completion bash|zsh}: prints a shell completion script for every command and option, generated from the
 * command definitions so it cannot fall behind them. zsh gets the same script behind a header: it loads through
 * zsh's {@code bashcompinit}, so both shells complete the same words.
 */
@Command(name = "completion", description = "Print a shell completion script: "
        + "source <(osr completion bash), or in zsh source <(osr completion zsh).")
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    private final Io io;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
    Shell shell;

    CompletionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        String bash = AutoComplete.bash("osr", spec.root().commandLine());
        io.out().print(shell == Shell.bash ? bash : zshWrapper(bash));
        io.out().flush();
        return 0;
    }

    /** picocli's bash script already turns on zsh's bashcompinit when zsh runs it; the header says how to load it. */
    private static String zshWrapper(String bash) {
        return "# osr completion for zsh: add  source <(osr completion zsh)  to ~/.zshrc.\n"
                + "# It is osr's bash completion, run by zsh's bash compatibility layer (bashcompinit, enabled below).\n"
                + bash;
    }
}
