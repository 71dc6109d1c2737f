package org.osr.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code osr review}: what people do with an opinion after osr wrote it; today one subcommand, {@code approve}. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Sign-off stages on a review opinion (see 'osr review approve --help').")
final class ReviewCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: approve");
    }
}
