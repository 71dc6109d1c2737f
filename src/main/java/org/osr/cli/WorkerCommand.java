package org.osr.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.judge.Judge;
import org.osr.ocr.OcrMode;
import org.osr.review.Fingerprint;
import org.osr.review.LocalReviewer;
import org.osr.rules.Action;
import org.osr.rules.RulePack;
import org.osr.worker.WorkerLoop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code osr worker}: the child process of {@link org.osr.worker.WorkerPool}, not meant to be run by hand. Reviews the
 * files its parent names on standard input, one JSON line each, and answers each with a masked result line on
 * standard output ({@link WorkerLoop}).
 */
@Command(name = "worker", hidden = true, description = "Child process of a sweep: reviews the files named on stdin.")
final class WorkerCommand implements Callable<Integer> {
    private final Io io;

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Option(names = "--ocr", arity = "0..1", paramLabel = "MODE", parameterConsumer = ScanCommand.OcrModeConsumer.class)
    OcrMode ocr = OcrMode.OFF;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutSeconds.class)
    int timeoutSeconds = 60;

    @Option(names = "--fail-on", paramLabel = "ACTION")
    ScanCommand.FailOn failOn = ScanCommand.FailOn.redact;

    WorkerCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        // Libraries print to System.out; only replies may reach the real standard output, which the loop is given.
        System.setOut(new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8));
        List<RulePack> packs = packOptions.load();
        Judge judge = new Judge(Action.fromId(failOn.name()));
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        return WorkerLoop.serve(io.in(), io.stdout(),
                key -> LocalReviewer.of(packs, judge, ocr, timeout, Fingerprint.withKey(key)));
    }
}
