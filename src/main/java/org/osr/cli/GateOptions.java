package org.osr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.osr.gate.Baseline;
import org.osr.gate.Gate;
import org.osr.gate.GateFileException;
import org.osr.gate.WaiverFile;
import org.osr.gate.Waivers;
import org.osr.judge.Judge;
import org.osr.source.Inputs;
import picocli.CommandLine.Option;

/** {@code osr scan} as a publishing gate: waivers with who approved them, and a baseline of known findings. */
final class GateOptions {
    @Option(names = "--waivers", paramLabel = "FILE",
            description = "Waiver file (default: " + WaiverFile.DEFAULT_NAME + " in the current folder, if present).")
    Path waivers;

    @Option(names = "--no-waivers", description = "Ignore every waiver file: all findings count.")
    boolean noWaivers;

    @Option(names = "--report-unused-waivers",
            description = "Fail the run (exit at least 1) when a waiver matched no finding.")
    boolean reportUnused;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report only findings that are not in this baseline (written by --write-baseline).")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE",
            description = "Record every finding of this run in FILE, for a later --baseline.")
    Path writeBaseline;

    Gate open(Judge judge, PrintStream err) throws GateFileException {
        if (waivers != null && noWaivers) {
            throw new Main.UsageException("--waivers and --no-waivers exclude each other");
        }
        try {
            Waivers w = null;
            if (!noWaivers) {
                Path file = waivers != null ? waivers : Path.of(WaiverFile.DEFAULT_NAME);
                if (waivers != null && !Files.isRegularFile(file)) {
                    throw new Main.UsageException("cannot read waiver file " + file + ": no such file");
                }
                if (Files.isRegularFile(file)) {
                    w = new Waivers(WaiverFile.load(file), LocalDate.now(), m -> err.println("osr: " + m));
                }
            }
            Baseline b = null;
            if (baseline != null) {
                if (!Files.isRegularFile(baseline)) {
                    throw new Main.UsageException("cannot read baseline " + baseline + ": no such file");
                }
                b = Baseline.load(baseline);
            }
            return new Gate(judge, b, w, writeBaseline, reportUnused);
        } catch (IOException e) {
            throw new Main.UsageException("cannot read " + (baseline != null ? "the baseline or " : "")
                    + "the waiver file: " + Inputs.reason(e));
        }
    }
}
