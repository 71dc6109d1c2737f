package org.osr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Print the version.")
final class VersionCommand implements Callable<Integer> {
    private final Io io;

    VersionCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        io.out().println(new Version().getVersion()[0]);
        io.out().flush();
        return 0;
    }
}
