package org.osr.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.judge.Judge;
import org.osr.ocr.OcrMode;
import org.osr.ocr.Tesseract;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.review.Reviewer;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.source.Inputs;
import org.osr.sweep.ItemNames;
import org.apache.lucene.store.LockObtainFailedException;
import org.osr.sweep.Shard;
import org.osr.sweep.Sweep;
import org.osr.sweep.SweepState;
import org.osr.sweep.outputs.SweepOutputs;
import org.osr.sweep.outputs.SweepRun;
import org.osr.sweep.outputs.SweepSummary;
import org.osr.webarchive.WebArchiveExpander;
import org.osr.worker.WorkerPool;
import org.osr.worker.WorkerSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Review an archive already published — folders, files, WARC (.warc, .warc.gz) and WACZ web "
                + "archives — in supervised child processes, resumably, into a folder: results.jsonl, "
                + "manifest.jsonl, summary.json, ledger.csv, ledger.xlsx, report.html.",
        footer = {"", "Run the same command again after an interruption: the sweep continues where it stopped. Run it "
                + "again later: only new or changed items are reviewed (all of them when the rule packs or osr "
                + "changed).", "",
                "Exit codes: as osr scan — 0 publishable, 1 redact/refer, 2 withhold, 3 unreviewable, 64 usage error,",
                "70 internal error, 74 the index could not be written, 78 invalid rule pack or an index built by",
                "another extractor or normalizer version (rebuild it)."})
final class SweepCommand implements Callable<Integer> {
    private final Io io;

    // Not required in picocli's sense: `osr sweep merge` would then need them too; call() asks for them.
    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Folders, files, .warc/.warc.gz/.wacz archives.")
    List<String> paths;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder (made if missing).")
    Path out;

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only items modified (files) or captured (web archives) on or after DATE (YYYY-MM-DD).")
    String since;

    @Option(names = "--shard", paramLabel = "i/N",
            description = "Review only the items whose path or URL hashes to shard i of N (N machines share an "
                    + "archive; join their folders with 'osr sweep merge').")
    String shard;

    @Option(names = "--fail-on", paramLabel = "ACTION",
            description = "Weakest action that fails the run: redact (default), refer or withhold.")
    ScanCommand.FailOn failOn = ScanCommand.FailOn.redact;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the ledger and report: zh or en.")
    String lang;

    @Option(names = "--ocr", arity = "0..1", paramLabel = "MODE", parameterConsumer = ScanCommand.OcrModeConsumer.class,
            description = "Read images and scanned PDF pages with Tesseract, as in osr scan.")
    OcrMode ocr = OcrMode.OFF;

    @Option(names = "--hidden", description = "Also review hidden files and folders.")
    boolean hidden;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutSeconds.class,
            description = "Per-file deadline (default 60); an overrun file is unreviewable.")
    int timeoutSeconds = 60;

    @Option(names = "--jobs", paramLabel = "N", converter = ScanCommand.JobCount.class,
            description = "Files reviewed at once, one child process each (default: the number of processors).")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--worker-heap", paramLabel = "SIZE", converter = HeapSize.class,
            description = "Heap cap of each child process (default ${DEFAULT-VALUE}); a file that needs more is "
                    + "unreviewable.")
    String workerHeap = WorkerSpec.DEFAULT_HEAP;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Also keep the archive index DIR (osr retro, osr search) up to date with what the sweep "
                    + "reads: new and changed items replace their parts, items gone from the inputs are removed. "
                    + "Made owner-only: it holds the full text.")
    Path indexDir;

    @Option(names = {"-q", "--quiet"}, description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--progress-every", paramLabel = "N", converter = ScanCommand.JobCount.class,
            description = "When stderr is not a terminal: a summary line every N items (default ${DEFAULT-VALUE}).")
    int progressEvery = 1000;

    SweepCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        if (paths == null || paths.isEmpty() || out == null) {
            throw new Main.UsageException("osr sweep needs the paths to review and --out DIR (e.g. osr sweep site/ "
                    + "--out sweep-2026/); to join shard folders: osr sweep merge DIR... --out DIR");
        }
        Lang language = ScanCommand.language(lang);
        if (ocr.on()) {
            Tesseract.problem().ifPresent(message -> {
                throw new Main.UsageException(message);
            });
        }
        Shard shardOption = shard == null ? Shard.ALL : parseShard(shard);
        LocalDate sinceDate = since == null ? null : parseDate(since);
        List<RulePack> packs = packOptions.load();
        Judge judge = new Judge(Action.fromId(failOn.name()));
        SweepState.Config config = new SweepState.Config(Version.VERSION,
                paths.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList(),
                packs.stream().map(p -> p.id() + "@" + p.version() + "#" + p.sha256()).toList(), ocr.name(), hidden,
                sinceDate == null ? null : sinceDate.toString(), shard == null ? null : shardOption.toString(),
                failOn.name());
        java.nio.file.Files.createDirectories(out);
        java.util.Set<Path> notInputs = new java.util.HashSet<>(java.util.Set.of(out.toRealPath()));
        if (indexDir != null) {   // also before the sweep makes it: its files hold the full text of what is swept
            notInputs.add(ReportOutput.realPathOf(indexDir));
        }
        Sweep.Settings settings = new Sweep.Settings(paths, out, new Inputs.Options(hidden, notInputs), shardOption,
                sinceDate == null ? null : sinceDate.atStartOfDay(ZoneId.systemDefault()).toInstant(), jobs, config,
                List.of(), indexDir);
        List<String> reviewArgs = new java.util.ArrayList<>(packOptions.arguments());
        if (ocr.on()) {
            reviewArgs.addAll(List.of("--ocr", ocr.name().toLowerCase(java.util.Locale.ROOT)));
        }
        reviewArgs.addAll(List.of("--fail-on", failOn.name()));
        WorkerSpec spec = WorkerSpec.of(reviewArgs, timeoutSeconds).withHeap(workerHeap)
                .withLog(out.resolve("workers.log"));
        String started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        SweepRun run = new SweepRun(Version.VERSION, packs.stream().map(SweepRun.PackRef::of).toList(), started, null,
                failOn.name(), paths, shard == null ? null : shardOption.toString());
        run.write(out);
        SweepState state;
        Masking masking = Masking.of(packs);
        Fingerprint fingerprint = Fingerprint.installation();
        ItemNames names = new ItemNames(masking.plain(), fingerprint);
        Sweep sweep;
        try (Reviewer reviewer = new WorkerPool(spec, jobs, masking, judge, fingerprint);
             SweepProgress progress = quiet ? null : SweepProgress.on(io.err(), io.stderrIsTerminal(), language,
                     progressEvery, paths)) {
            sweep = new Sweep(settings, judge, names, reviewer, new WebArchiveExpander(), progress);
            state = sweep.run();
        } catch (LockObtainFailedException e) {
            throw new ReportOutput.WriteFailure(indexDir + " is being written by another osr process (" + e.getMessage()
                    + "); sweeps that run at once need an index each");
        } catch (Sweep.ConflictingSweep e) {
            throw new Main.UsageException(e.getMessage());
        } catch (Sweep.ReviewsFailed e) {
            io.err().println("osr: " + e.getMessage() + "; nothing is lost: run the same command again to continue");
            return ExitCodes.INTERNAL;
        }
        new SweepRun(run.osrVersion(), run.packs(), state.startedAt(), state.finishedAt(), run.failOn(), run.inputs(),
                run.shard()).write(out);
        SweepSummary summary = SweepOutputs.write(List.of(out), out, language, packs);
        if (!quiet) {
            io.err().println(summary.line(language, out.resolve(SweepOutputs.REPORT)));
            if (indexDir != null) {
                io.err().println(language == Lang.ZH
                        ? "索引 " + indexDir + "：新增或更新 " + sweep.indexAdded() + " 项，移除 " + sweep.indexRemoved() + " 项"
                        : "index " + indexDir + ": " + sweep.indexAdded() + " items added or replaced, "
                                + sweep.indexRemoved() + " removed");
            }
        }
        return summary.exitCode();
    }

    private static Shard parseShard(String text) {
        try {
            return Shard.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--shard: " + e.getMessage());
        }
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Main.UsageException("--since needs a date as YYYY-MM-DD (e.g. 2016-06-01), not '" + text + "'");
        }
    }

    /** {@code --worker-heap}: a JVM heap size such as 512m or 2g, at least 64 MiB (a child must load the packs). */
    static final class HeapSize implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,7})([kKmMgG]?)").matcher(value.strip());
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a heap size; give e.g. "
                        + "768m or 2g");
            }
            long bytes = Long.parseLong(m.group(1)) << switch (m.group(2).toLowerCase(java.util.Locale.ROOT)) {
                case "k" -> 10;
                case "m" -> 20;
                case "g" -> 30;
                default -> 0;
            };
            if (bytes < (64L << 20)) {
                throw new picocli.CommandLine.TypeConversionException(value + " is too small; a worker needs at "
                        + "least 64m");
            }
            return value.strip();
        }
    }
}
