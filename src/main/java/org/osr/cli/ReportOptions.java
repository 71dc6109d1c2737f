package org.osr.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.osr.judge.Judge;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.source.Inputs;
import picocli.CommandLine.Option;

/** What a command that writes a review report ({@code scan}, {@code retro}) writes, where, and what fails the run. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", converter = ScanCommand.FormatName.class,
            description = "json (default), jsonl, text, or for CI: sarif, junit, code-quality.")
    String format = "json";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE, not stdout.")
    Path output;

    @Option(names = "--fail-on", paramLabel = "ACTION",
            description = "Weakest action that fails the run: redact (default), refer or withhold.")
    ScanCommand.FailOn failOn = ScanCommand.FailOn.redact;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of messages: zh or en (default: locale).")
    String lang;

    /** The {@code -o} file, or null for standard output ({@code -o -} too). */
    Path reportFile() {
        return output == null || output.toString().equals("-") ? null : output;
    }

    ReportOutput open(java.io.OutputStream stdout) {
        Path file = reportFile();
        return file == null ? ReportOutput.stdout(stdout) : ReportOutput.file(file);
    }

    Lang language() {
        return ScanCommand.language(lang);
    }

    Judge judge() {
        return new Judge(Action.fromId(failOn.name()));
    }

    /** Writing the report failed: exit 74, naming where it was going. */
    ReportOutput.WriteFailure writeFailure(IOException e) {
        Path file = reportFile();
        return new ReportOutput.WriteFailure((file == null ? "standard output" : file.toString()) + ": "
                + Inputs.reason(e));
    }
}
