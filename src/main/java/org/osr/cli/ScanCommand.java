package org.osr.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.osr.extract.TikaExtractor;
import org.osr.gate.Gate;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.InternalFailure;
import org.osr.review.Opinion;
import org.osr.review.ParallelReviews;
import org.osr.match.RuleEngine;
import org.osr.ocr.OcrMode;
import org.osr.ocr.Tesseract;
import org.osr.report.Messages;
import org.osr.report.ReportWriter;
import org.osr.report.Reports;
import org.osr.report.TerminalSummary;
import org.osr.review.DocumentResult;
import org.osr.review.Fingerprint;
import org.osr.review.Masking;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.run.Tally;
import org.osr.source.Inputs;
import org.osr.source.Scratch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Review files and folders (folders recursively; '-' reads standard input) and write the "
                + "review opinion.",
        footer = {"", "Exit codes: 0 publishable, 1 redact/refer, 2 withhold, 3 unreviewable, 64 usage error,",
                "65 unreadable input path, 70 internal error, 74 report could not be written, 78 invalid rule pack,",
                "waiver file or baseline. With --report-unused-waivers an unused waiver makes the exit code at least 1."})
final class ScanCommand implements Callable<Integer> {
    enum FailOn { redact, refer, withhold }

    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "PATH", description = "Files or folders to review; '-' for stdin.")
    List<String> paths;

    @Mixin
    ReportOptions reportOptions = new ReportOptions();

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Mixin
    GateOptions gateOptions = new GateOptions();

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Option(names = "--ocr", arity = "0..1", paramLabel = "MODE", parameterConsumer = OcrModeConsumer.class,
            description = "Read images and scanned PDF pages with Tesseract (chi_sim+eng); off by default. auto "
                    + "(--ocr alone): images, and PDF pages with no or undecodable text or a large image; force: "
                    + "every PDF page too, each compared with its text layer.")
    OcrMode ocr = OcrMode.OFF;

    @Option(names = {"-q", "--quiet"}, description = "No per-document summary on stderr.")
    boolean quiet;

    @Option(names = "--hidden", description = "Also review hidden files and folders (names starting with '.'); "
            + "version-control folders (.git, .svn, .hg) are never read.")
    boolean hidden;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutSeconds.class,
            description = "Per-file deadline for reading and checking a file (default 60); an overrun file is "
                    + "unreviewable.")
    int timeoutSeconds = 60;

    @Option(names = "--jobs", paramLabel = "N", converter = JobCount.class,
            description = "Files reviewed at once (default: the number of processors, here ${DEFAULT-VALUE}); "
                    + "the report keeps the order of the inputs.")
    int jobs = Runtime.getRuntime().availableProcessors();

    ScanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        Lang language = reportOptions.language();
        if (ocr.on()) {
            Tesseract.problem().ifPresent(message -> {
                throw new Main.UsageException(message);
            });
        }
        // Tika's parser registry takes ~0.4 s to build; build it on the other core while the packs load. The same
        // factory makes the replacement after a timeout, so it reads with the same options (--ocr).
        Supplier<TikaExtractor> extractors = () -> new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, ocr);
        CompletableFuture<TikaExtractor> extractor = CompletableFuture.supplyAsync(extractors);
        List<RulePack> packs = packOptions.load();
        Masking masking = Masking.of(packs);
        Path reportFile = reportOptions.reportFile();
        try (Scratch scratch = new Scratch(); ReportOutput out = reportOptions.open(io.stdout())) {
            Inputs inputs = selection.inputs(paths, io.in(), scratch,
                    new Inputs.Options(hidden, ReportOutput.destinations(reportFile, out)));
            if (reportFile != null) {
                ReportOutput.refuseInputAsOutput(reportFile, inputs.files());
            }
            Tally tally = new Tally();
            tally.inputs(inputs);
            for (Inputs.InputError e : inputs.errors()) {
                io.err().println("osr: cannot read " + masking.plain().maskPath(e.path()) + ": "
                        + masking.plain().mask(e.message()));
            }
            RuleEngine engine = new RuleEngine(packs);   // immutable: shared by every job
            Judge judge = reportOptions.judge();
            Gate gate = gateOptions.open(judge, io.err());
            Duration timeout = Duration.ofSeconds(timeoutSeconds);
            Fingerprint fingerprints = Fingerprint.installation();
            try (ParallelReviews reviews = new ParallelReviews(jobs,
                    new DocumentReviewer(extractor.join(), extractors, engine, judge, timeout),
                    () -> new DocumentReviewer(extractors.get(), extractors, engine, judge, timeout))) {
                ReportWriter report = Reports.create(reportOptions.format, new Reports.Context(out.writer(), language,
                        Messages.of(packs), Version.VERSION, masking, judge.failOn()));
                if (!quiet && io.stderrIsTerminal()) {
                    report = report.and(new TerminalSummary(io.err(), language, System.getenv("NO_COLOR") == null));
                }
                var outcomes = reviews.review(inputs.files(), Inputs.Input::file, Inputs.Input::displayPath);
                while (outcomes.hasNext()) {
                    Opinion opinion = review(outcomes.next(), tally, masking);
                    if (opinion == null) {
                        continue;
                    }
                    DocumentResult result = gate.apply(DocumentResult.of(opinion, masking, fingerprints));
                    report.document(result);
                    tally.add(result.verdict(), result.exitCode());
                }
                tally.gate(gate.finish());
                report.finish(tally.summary(packs, started, (System.nanoTime() - t0) / 1_000_000));
                out.commit();
            } catch (InternalFailure bug) {
                return internalFailure(bug, masking, io.err());
            } catch (IOException e) {
                throw reportOptions.writeFailure(e);
            }
            return tally.exitCode();
        }
    }

    /** Exit 70 for a matcher or judge that failed on a file: a bug in osr, never a verdict on the file. */
    static int internalFailure(InternalFailure bug, Masking masking, java.io.PrintStream err) {
        err.println("osr: internal error while checking " + masking.plain().maskPath(bug.path()) + ": "
                + bug.getCause() + " (a bug in osr, not a problem of the file; please report it; OSR_DEBUG=1 "
                + "prints the stack trace)");
        if (System.getenv("OSR_DEBUG") != null) {
            bug.printStackTrace(err);
        }
        return ExitCodes.INTERNAL;
    }

    private Opinion review(ParallelReviews.Outcome<Inputs.Input> outcome, Tally tally, Masking masking) {
        Inputs.Input input = outcome.input();
        try {
            return outcome.opinion();
        } catch (IOException e) {
            Inputs.InputError error = new Inputs.InputError(input.displayPath(), Inputs.InputError.UNREADABLE,
                    Inputs.reason(e));
            io.err().println("osr: cannot read " + masking.plain().maskPath(error.path()) + ": "
                    + masking.plain().mask(error.message()));
            tally.inputError(error);
            return null;
        }
    }

    /** {@code --format}: a name from the report registry. */
    static final class FormatName implements picocli.CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!Reports.names().contains(value)) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format; expected one of "
                        + Reports.names());
            }
            return value;
        }
    }

    static Lang language(String option) {
        if (option == null) {
            return Lang.fromEnvironment();
        }
        try {
            return Lang.parse(option);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--lang must be zh or en, not '" + option + "'");
        }
    }

    /** {@code --jobs}: a whole number of files, at least one. Picocli prefixes the option's name to the message. */
    static final class JobCount implements picocli.CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int jobs;
            try {
                jobs = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a whole number of "
                        + "files; give 1 or more");
            }
            if (jobs < 1) {
                throw new picocli.CommandLine.TypeConversionException(value + " is out of range; give 1 or more");
            }
            return jobs;
        }
    }

    /**
     * {@code --ocr}, {@code --ocr=auto}, {@code --ocr=force}. picocli's optional value would take the next argument
     * (a file to scan) as the mode; this takes it only when it names one.
     */
    static final class OcrModeConsumer implements picocli.CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, picocli.CommandLine.Model.ArgSpec argSpec,
                                      picocli.CommandLine.Model.CommandSpec commandSpec) {
            OcrMode mode = OcrMode.AUTO;
            if (!args.isEmpty() && (args.peek().equalsIgnoreCase("auto") || args.peek().equalsIgnoreCase("force"))) {
                mode = OcrMode.valueOf(args.pop().toUpperCase(java.util.Locale.ROOT));
            }
            argSpec.setValue(mode);
        }
    }
}
