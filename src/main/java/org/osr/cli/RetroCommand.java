package org.osr.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.index.IndexedArchive;
import org.osr.judge.Judge;
import org.osr.match.RuleEngine;
import org.osr.report.Messages;
import org.osr.report.ReportWriter;
import org.osr.report.Reports;
import org.osr.retro.Retro;
import org.osr.review.Fingerprint;
import org.osr.review.InternalFailure;
import org.osr.review.Masking;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.run.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "retro", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run rule packs against the archive index (osr index) instead of the files: findings, verdicts "
                + "and exit code are those a scan of the indexed files would give, and nothing is extracted again.",
                "",
                "Each rule picks the indexed pages that can hold a hit: a terms rule those with one of its terms, a "
                        + "cluster those with one of its labels, a regex those with one of its 'requires' literals, "
                        + "a regex without 'requires' validated as a resident ID or by Luhn those with a digit. A "
                        + "regex without 'requires' and any other validator cannot be narrowed: then every indexed "
                        + "file is read from the index (slower, as exact). The files picked are rebuilt from the "
                        + "index and checked by the same matcher and judge as scan; the others hold no hit.",
                "",
                "The report lists the documents with findings or not read completely (--all: every document); the "
                        + "summary counts them all."},
        footer = {"", "Exit codes: 0 publishable, 1 redact/refer, 2 withhold, 3 unreviewable, 64 usage error or no",
                "index in DIR, 70 internal error, 74 report could not be written, 78 invalid rule pack or an index",
                "built by another extractor or normalizer version (rebuild it)."})
final class RetroCommand implements Callable<Integer> {
    private final Io io;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "The index folder (osr index).")
    Path indexDir;

    @Mixin
    ReportOptions reportOptions = new ReportOptions();

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Option(names = "--all", description = "List every indexed document, also those publishable without findings.")
    boolean all;

    @Option(names = {"-q", "--quiet"}, description = "No line on stderr about the candidates.")
    boolean quiet;

    RetroCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        Lang language = reportOptions.language();
        List<RulePack> packs = packOptions.load();
        Masking masking = Masking.of(packs);
        Judge judge = reportOptions.judge();
        IndexedArchive opened;
        try {
            opened = IndexedArchive.open(indexDir);
        } catch (NoSuchFileException e) {
            throw new Main.UsageException(indexDir + ": no osr index there (build one with osr index)");
        }
        try (IndexedArchive archive = opened; ReportOutput out = reportOptions.open(io.stdout())) {
            Tally tally = new Tally();
            ReportWriter report = Reports.create(reportOptions.format, new Reports.Context(out.writer(), language,
                    Messages.of(packs), Version.VERSION, masking, judge.failOn()));
            Retro retro = new Retro(new RuleEngine(packs), judge, masking, Fingerprint.installation());
            Retro.Stats stats;
            try {
                stats = retro.run(archive, all, result -> {
                    written(() -> report.document(result));
                    tally.add(result.verdict(), result.exitCode());
                }, tally::add);
            } catch (InternalFailure bug) {
                return ScanCommand.internalFailure(bug, masking, io.err());
            }
            written(() -> report.finish(tally.summary(packs, started, (System.nanoTime() - t0) / 1_000_000)));
            written(out::commit);
            if (!quiet) {
                io.err().printf("osr retro: %d of %d indexed files were candidates%s%n", stats.candidates(),
                        stats.files(), stats.everyPageRules().isEmpty() ? ""
                                : "; every file is, since these rules cannot be narrowed: "
                                        + String.join(", ", stats.everyPageRules()));
            }
            return tally.exitCode();
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    /** A failure to write the report is exit 74; one to read the index is not this. */
    private void written(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw reportOptions.writeFailure(e);
        }
    }
}
