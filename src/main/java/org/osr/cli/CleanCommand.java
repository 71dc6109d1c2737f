package org.osr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.clean.CleanRefusal;
import org.osr.clean.Cleaners;
import org.osr.clean.FormatCleaner;
import org.osr.clean.Removals;
import org.osr.extract.TikaExtractor;
import org.osr.judge.Judge;
import org.osr.judge.Verdict;
import org.osr.match.RuleEngine;
import org.osr.ocr.OcrMode;
import org.osr.report.Messages;
import org.osr.report.ReportWriter;
import org.osr.report.Reports;
import org.osr.review.DocumentResult;
import org.osr.review.DocumentReviewer;
import org.osr.review.Fingerprint;
import org.osr.review.InternalFailure;
import org.osr.review.Masking;
import org.osr.review.Opinion;
import org.osr.review.Redactor;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.run.Tally;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code osr clean FILE --out PUBLIC}: reviews FILE as {@code scan} does, refuses a document with a withhold finding,
 * writes the publication copy with the format's cleaner, and reviews the copy with the same packs.
 */
@Command(name = "clean", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write a publication copy of a DOCX, PDF or HTML file: tracked changes resolved, comments, "
                + "hidden text, properties, embedded objects and revision history removed, personal data masked; "
                + "then review the copy with the same rule packs.",
        footer = {"", "Exit codes:",
                "  0  the copy is written and its review is publishable, coverage complete",
                "  1  the copy is written, but its review is redact or refer (it says why)",
                "  2  FILE has a withhold finding: it must not be published; nothing written",
                "  3  the copy's review is unreviewable, or FILE could not be cleaned",
                "  4  personal data in a PDF's page text cannot be removed exactly: redact",
                "     it in the source document and convert again; nothing written",
                "  64 usage error, or a format clean does not write; 65 FILE unreadable;",
                "  70 internal error; 74 the copy cannot be written; 78 invalid rule pack"})
final class CleanCommand implements Callable<Integer> {
    /** Personal data a format's cleaner cannot remove exactly: to be redacted in the source document. */
    static final int NOT_EXACT = 4;

    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE", description = "The document to clean: DOCX, PDF or HTML.")
    Path file;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "PUBLIC",
            description = "Where the publication copy is written (replaced if it exists).")
    Path out;

    @Mixin
    PackOptions packOptions = new PackOptions();

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the copy's review: zh or en.")
    String lang;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = TimeoutSeconds.class,
            description = "Deadline for reading and checking each of the two files (default 60).")
    int timeoutSeconds = 60;

    CleanCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        Lang language = ScanCommand.language(lang);
        PrintStream err = io.err();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("osr: cannot read " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
            return ExitCodes.UNREADABLE_INPUT;
        }
        if (Files.exists(out) && Files.isSameFile(file, out)) {
            throw new Main.UsageException("--out must not be FILE itself: the original stays as it is");
        }
        if (Files.exists(out) && !Files.isRegularFile(out)) {
            // the copy is renamed into place: over a device (as root, /dev/null) or a folder that would be a disaster
            throw new Main.UsageException("--out " + out + " is not a regular file: name the file the copy is written to");
        }
        FormatCleaner cleaner = Cleaners.forFile(file).orElseThrow(() -> new Main.UsageException(
                "osr clean writes copies of " + String.join(", ", Cleaners.names()) + " files; " + file
                        + " is none of them"));
        List<RulePack> packs = packOptions.load();
        Masking masking = Masking.of(packs);
        RuleEngine engine = new RuleEngine(packs);
        Judge judge = new Judge(Action.REDACT);
        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT,
                OcrMode.OFF), () -> new TikaExtractor(TikaExtractor.DEFAULT_CHAR_LIMIT, OcrMode.OFF), engine, judge,
                Duration.ofSeconds(timeoutSeconds));
        String shown = masking.plain().maskPath(file.toString());
        try {
            Opinion original;
            try {
                original = reviewer.review(file, file.toString());
            } catch (IOException e) {
                err.println("osr: cannot read " + shown + ": " + masking.plain().mask(org.osr.source.Inputs.reason(e)));
                return ExitCodes.UNREADABLE_INPUT;
            }
            List<String> withheld = original.findings().stream().filter(h -> h.rule().action() == Action.WITHHOLD)
                    .map(h -> h.rule().id()).distinct().toList();
            if (!withheld.isEmpty()) {
                err.println("osr: " + shown + " has a withhold finding (" + String.join(", ", withheld) + "): it must "
                        + "not be published at all, so it is not cleaned; nothing was written");
                return original.exitCode();
            }
            Redactor redactor = masking.forDocument(original.findings());
            Removals removals;
            try {
                removals = write(cleaner, redactor);
            } catch (CleanRefusal refusal) {
                err.println("osr: cannot clean " + shown + ": " + refusal.getMessage() + "; nothing was written");
                return NOT_EXACT;
            } catch (CopyNotWritten e) {
                err.println("osr: cannot write " + out + ": " + e.getMessage());
                return ExitCodes.WRITE_ERROR;
            } catch (IOException e) {
                err.println("osr: cannot clean " + shown + ": " + redactor.mask(String.valueOf(e.getMessage()))
                        + "; nothing was written");
                return judge.exitCode(Verdict.UNREVIEWABLE);
            }
            io.out().println("osr clean: " + shown + " -> " + masking.plain().maskPath(out.toString()) + " ("
                    + cleaner.name() + ")");
            io.out().println("removed: " + removals.describe());
            io.out().println("review of the copy:");
            io.out().flush();
            return reviewCopy(reviewer, masking, packs, language, started, t0);
        } catch (InternalFailure bug) {
            return ScanCommand.internalFailure(bug, masking, err);
        }
    }

    /** Cleans into a temporary file beside {@code --out} and moves it there only when it is complete. */
    private Removals write(FormatCleaner cleaner, Redactor redactor) throws IOException, CleanRefusal {
        Path folder = out.toAbsolutePath().getParent();
        Path temp;
        try {
            // not createTempFile: its owner-only mode would stay on the copy a web server has to read
            temp = Files.createFile(folder.resolve(".osr-clean-" + ProcessHandle.current().pid() + "-"
                    + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + ".tmp"));
        } catch (IOException e) {
            throw new CopyNotWritten(org.osr.source.Inputs.reason(e));
        }
        try {
            Removals removals = cleaner.clean(file, temp, redactor);
            try {
                Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new CopyNotWritten(org.osr.source.Inputs.reason(e));
            }
            return removals;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Exit 0 only when the copy is publishable and was read completely; else the copy's own exit code. */
    private int reviewCopy(DocumentReviewer reviewer, Masking masking, List<RulePack> packs, Lang language,
                           Instant started, long t0) throws IOException {
        Opinion copy = reviewer.review(out, out.toString());
        DocumentResult result = DocumentResult.of(copy, masking, Fingerprint.installation());
        Tally tally = new Tally();
        tally.add(result.verdict(), result.exitCode());
        ReportOutput output = ReportOutput.stdout(io.stdout());
        ReportWriter report = Reports.create("text", new Reports.Context(output.writer(), language,
                Messages.of(packs), Version.VERSION, masking));
        report.document(result);
        report.finish(tally.summary(packs, started, (System.nanoTime() - t0) / 1_000_000));
        output.commit();
        if (result.verdict() == Verdict.PUBLISHABLE && result.coverage().complete()) {
            return 0;
        }
        io.err().println("osr: the copy is written but is not publishable as it stands (" + result.verdict().id()
                + "); the review above says why");
        return Math.max(result.exitCode(), 1);
    }

    /** The copy could not be put in place (a missing or unwritable folder, a full disk). */
    private static final class CopyNotWritten extends IOException {
        CopyNotWritten(String message) {
            super(message);
        }
    }

}
