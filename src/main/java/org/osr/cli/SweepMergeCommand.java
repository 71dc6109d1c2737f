package org.osr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.rules.Lang;
import org.osr.sweep.outputs.SweepMerge;
import org.osr.sweep.outputs.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osr sweep merge DIR... --out M}: one sweep folder from the folders of its shards. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Join the output folders of sweep shards (--shard i/N) or separate sweeps into one: items "
                + "deduplicated by key, reviewed contents by SHA-256, then summary.json, ledger.csv, ledger.xlsx and "
                + "report.html as a single sweep writes them.",
        footer = {"", "Exit codes: as osr scan for the merged items (0 publishable, 1 redact/refer, 2 withhold,",
                "3 unreviewable, 65 an item could not be read), 64 usage error, 74 output could not be written."})
final class SweepMergeCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Sweep output folders (each with manifest.jsonl).")
    List<Path> dirs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write the merged "
            + "sweep to (created when absent; not one of the folders merged).")
    Path out;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the ledger and report: zh or en "
            + "(default: locale).")
    String lang;

    @Mixin
    PackOptions packOptions = new PackOptions();

    SweepMergeCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Lang language = ScanCommand.language(lang);
        for (Path dir : dirs) {
            if (!SweepMerge.isSweepFolder(dir)) {
                throw new Main.UsageException(dir + " is not a sweep folder (it has no manifest.jsonl, nor a Spark "
                        + "job's lines=manifest/)");
            }
            if (Files.isDirectory(out) && Files.isSameFile(dir, out)) {
                throw new Main.UsageException("--out " + out + " is one of the folders merged; name a new folder");
            }
        }
        SweepSummary summary;
        try {
            summary = SweepMerge.merge(dirs, out, language, packOptions.load());
        } catch (IOException e) {
            throw new ReportOutput.WriteFailure(out + ": " + e.getMessage());
        }
        io.out().println("osr: merged " + dirs.size() + " sweep folders into " + out + ": " + summary.items()
                + " items, " + summary.payloadsReviewed() + " contents reviewed, worst verdict "
                + summary.worstVerdict().id() + (summary.malformedLines() > 0 ? ", " + summary.malformedLines()
                + " unreadable lines skipped" : ""));
        io.out().flush();
        return summary.exitCode();
    }
}
