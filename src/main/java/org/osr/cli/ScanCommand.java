package org.osr.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.osr.extract.Coverage;
import org.osr.extract.DeadlineExtractor;
import org.osr.extract.Document;
import org.osr.extract.Problem;
import org.osr.extract.Tesseract;
import org.osr.extract.TikaExtractor;
import org.osr.judge.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.judge.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.report.JsonReport;
import org.osr.report.ReportWriter;
import org.osr.report.ScanSummary;
import org.osr.report.TerminalSummary;
import org.osr.report.TextReport;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.source.Inputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Review files and folders (folders recursively; '-' reads standard input) and write the "
                + "review opinion.",
        footer = {"", "Exit codes: 0 publishable, 1 redact/refer, 2 withhold, 3 unreviewable, 64 usage error,",
                "65 unreadable input path, 70 internal error, 78 invalid rule pack."})
final class ScanCommand implements Callable<Integer> {
    enum Format { json, jsonl, text }

    enum FailOn { redact, refer, withhold }

    private final Io io;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to review; '-' for stdin.")
    List<String> paths;

    @Option(names = "--format", paramLabel = "FORMAT", description = "json (default), jsonl or text.")
    Format format = Format.json;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE, not stdout.")
    Path output;

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Option(names = "--fail-on", paramLabel = "ACTION",
            description = "Weakest action that fails the run: redact (default), refer or withhold.")
    FailOn failOn = FailOn.redact;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of messages: zh or en (default: locale).")
    String lang;

    @Option(names = "--ocr", description = "Read scanned PDF pages and images (PNG, JPEG, TIFF) with Tesseract "
            + "(chi_sim+eng); off by default.")
    boolean ocr;

    @Option(names = {"-q", "--quiet"}, description = "No per-document summary on stderr.")
    boolean quiet;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutSeconds.class,
            description = "Per-file deadline for reading a file (default 60); an overrun file is unreviewable.")
    int timeoutSeconds = 60;

    ScanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        Lang language = language(lang);
        if (ocr) {
            Tesseract.problem().ifPresent(message -> {
                throw new Main.UsageException(message);
            });
        }
        // Tika's parser registry takes ~0.4 s to build; build it on the other core while the packs load. The same
        // factory makes the replacement after a timeout, so it reads with the same options (--ocr).
        java.util.function.Supplier<TikaExtractor> extractors = () -> new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT,
                ocr);
        java.util.concurrent.CompletableFuture<TikaExtractor> extractor =
                java.util.concurrent.CompletableFuture.supplyAsync(extractors);
        List<RulePack> packs = packOptions.load();
        Inputs inputs = Inputs.resolve(paths, io.in());
        ScanSummary.Tally tally = new ScanSummary.Tally();
        for (Inputs.Unreadable u : inputs.unreadable()) {
            io.err().println("osr: cannot read " + u.path() + ": " + u.reason());
            tally.raiseExitCode(ExitCodes.UNREADABLE_INPUT);
        }
        DocumentReviewer reviewer = new DocumentReviewer(new DeadlineExtractor(extractor.join(), extractors,
                java.time.Duration.ofSeconds(timeoutSeconds)), new RuleEngine(packs),
                new Judge(Action.fromId(failOn.name())));
        Function<String, String> basis = id -> PackOptions.basisOf(packs, id);
        TerminalSummary terminal = !quiet && io.stderrIsTerminal()
                ? new TerminalSummary(io.err(), language, System.getenv("NO_COLOR") == null) : null;
        try (Writer out = output == null ? new OutputStreamWriter(io.out(), StandardCharsets.UTF_8)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            ReportWriter report = format == Format.text ? new TextReport(out, language, basis)
                    : new JsonReport(out, format == Format.jsonl, language, basis, Version.VERSION);
            for (Inputs.Input input : inputs.files()) {
                Opinion opinion = review(reviewer, input, tally);
                if (opinion == null) {
                    continue;
                }
                report.document(opinion);
                tally.add(opinion.verdict(), opinion.exitCode());
                if (terminal != null) {
                    terminal.document(opinion);
                }
            }
            report.finish(tally.summary(packs, started, (System.nanoTime() - t0) / 1_000_000));
        }
        return tally.exitCode();
    }

    private Opinion review(DocumentReviewer reviewer, Inputs.Input input, ScanSummary.Tally tally) {
        try {
            return reviewer.review(input.file(), input.displayPath());
        } catch (IOException e) {
            io.err().println("osr: cannot read " + input.displayPath() + ": " + e.getMessage());
            tally.raiseExitCode(ExitCodes.UNREADABLE_INPUT);
            return null;
        } catch (RuntimeException | StackOverflowError e) {
            // A parser bug on one file must not end the run or let the file pass: it is unreviewable.
            Problem problem = new Problem(Problem.CORRUPT, "osr failed while reading this file: " + e);
            Document doc = new Document(input.displayPath(), null, sizeOf(input.file()), null, null, List.of(),
                    Coverage.of(List.of(), null, List.of(problem)));
            return new Opinion(doc, List.of(), Verdict.UNREVIEWABLE, Verdict.UNREVIEWABLE.exitCode(), 0);
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
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
}
