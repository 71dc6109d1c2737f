package org.osr.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.judge.Verdict;
import org.osr.record.OpinionFile;
import org.osr.record.SignOff;
import org.osr.review.Approval;
import org.osr.rules.Lang;
import org.osr.sweep.outputs.SweepOutputs;
import org.osr.sweep.outputs.SweepRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.node.ObjectNode;

/** {@code osr review approve}: appends one sign-off stage to a document of an opinion file. */
@Command(name = "approve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Append a sign-off stage {stage, by, at, decision, sha256, note} to a document of a review "
                + "opinion (osr scan's JSON, or JSON lines such as a sweep's results.jsonl); the file is rewritten "
                + "atomically and nothing else in it changes.",
                "The stage applies to the SHA-256 the opinion reviewed: when the file (--file, else the document's "
                + "path if it exists) now has other content, the approval is refused. A final stage needs a review "
                + "stage of the same content first.",
                "When OPINION is the results.jsonl of a finished sweep folder, its ledger (审核人, 审批人 columns) and "
                + "report are written again with the stage; --lang and the pack options are for them.",
                "No cryptographic signing is done: an approval records who said what, it does not prove it."},
        footer = {"", "Exit codes: 0 appended, 64 usage error, 65 the opinion cannot be read or is not an",
                "osr opinion, 74 the opinion cannot be written, 77 refused (the content changed since",
                "it was reviewed, the opinion has no SHA-256 for it, a final stage without a review",
                "stage, or a sweep not finished), 78 invalid rule pack."})
final class ApproveCommand implements Callable<Integer> {
    static final int REFUSED = ExitCodes.REFUSED;

    private final Io io;

    @Parameters(index = "0", paramLabel = "OPINION", description = "The opinion file (JSON or JSON lines).")
    Path opinionFile;

    @Option(names = "--stage", required = true, paramLabel = "STAGE",
            description = "review (审核, the reviewer) or final (审批, the approving leader).")
    String stage;

    @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who signs off.")
    String by;

    @Option(names = "--decision", required = true, paramLabel = "DECISION",
            description = "publish, redact (publish after redaction), withhold or refer.")
    String decision;

    @Option(names = "--note", paramLabel = "TEXT", description = "A remark kept with the stage.")
    String note;

    @Option(names = "--file", paramLabel = "DOC", description = "The document file to compare with the reviewed "
            + "SHA-256 (default: the document's path in the opinion, when that file exists).")
    Path file;

    @Option(names = "--document", paramLabel = "PATH", description = "Which document of the opinion, by its path "
            + "as the opinion writes it (needed when the opinion holds several and --file does not tell).")
    String document;

    @Option(names = "--lang", paramLabel = "LANG", description = "For a sweep's results.jsonl: language of the "
            + "ledger and report written again with the stage (default: locale).")
    String lang;

    @Mixin
    PackOptions packOptions = new PackOptions();

    ApproveCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        Approval.Stage theStage = parse("--stage", stage, Approval.Stage.ids(), Approval.Stage::fromId);
        Approval.Decision theDecision = parse("--decision", decision, Approval.Decision.ids(),
                Approval.Decision::fromId);
        if (by.isBlank()) {
            throw new Main.UsageException("--by must name who signs off");
        }
        if (!Files.isRegularFile(opinionFile)) {
            RecordCommand.readOpinion(opinionFile, io.err());
            return ExitCodes.UNREADABLE_INPUT;
        }
        java.io.Closeable held;
        try {
            held = OpinionFile.lock(opinionFile);
        } catch (IOException e) {
            throw new ReportOutput.WriteFailure(opinionFile + " (its lock file): " + e.getMessage());
        }
        try (held) {
            return approve(theStage, theDecision);
        }
    }

    private int approve(Approval.Stage theStage, Approval.Decision theDecision) throws Exception {
        OpinionFile opinion = RecordCommand.readOpinion(opinionFile, io.err());
        if (opinion == null) {
            return ExitCodes.UNREADABLE_INPUT;
        }
        Path sweepDir = sweepFolder(opinionFile);
        if (sweepDir != null && SweepRun.read(sweepDir).finishedAt() == null) {
            io.err().println("osr: approval refused: the sweep into " + sweepDir + " has not finished (it runs, or "
                    + "was interrupted: run it again to finish it) and still appends to " + opinionFile.getFileName());
            return REFUSED;
        }
        List<org.osr.rules.RulePack> packs = sweepDir == null ? List.of() : packOptions.load();
        Lang language = sweepDir == null ? null : ScanCommand.language(lang);
        OpinionFile.Entry entry;
        SignOff.Checked checked;
        try {
            entry = SignOff.select(opinion, document, file);
            checked = SignOff.approve(entry.document(), theStage, by.strip(), theDecision, note == null || note.isBlank() ? null
                    : note.strip(), file, Instant.now());
        } catch (SignOff.Ambiguous e) {
            throw new Main.UsageException(e.getMessage());
        } catch (SignOff.Refused e) {
            io.err().println("osr: approval refused: " + e.getMessage());
            return REFUSED;
        }
        opinion.append(entry, checked.approval());
        ObjectNode doc = entry.document();
        try {
            opinion.write();
        } catch (IOException e) {
            throw new ReportOutput.WriteFailure(opinionFile + ": " + e.getMessage());
        }
        if (sweepDir != null) {
            try {
                SweepOutputs.write(List.of(sweepDir), sweepDir, language, packs);
            } catch (IOException e) {
                throw new ReportOutput.WriteFailure(sweepDir + ": " + e.getMessage());
            }
        }
        String path = OpinionFile.text(doc, "path");
        String verdict = OpinionFile.text(doc, "verdict");
        if (theDecision == Approval.Decision.PUBLISH && !Verdict.PUBLISHABLE.id().equals(verdict)) {
            io.err().println("osr: note: " + path + " was judged '" + verdict + "' by osr; approved for publication "
                    + "by " + by.strip() + " all the same");
        }
        io.out().println("osr: " + theStage.id() + " stage (" + theDecision.id() + ") by " + by.strip() + " added to "
                + path + " in " + opinionFile + (checked.compared() == null
                ? "; no file was compared with the reviewed SHA-256 (give --file to compare)"
                : "; " + checked.compared() + " still has the reviewed content")
                + (sweepDir == null ? "" : "; the ledger and report in " + sweepDir + " now show it"));
        io.out().flush();
        return 0;
    }

    /** The sweep folder whose results.jsonl the opinion is, or null. */
    private static Path sweepFolder(Path opinion) {
        Path dir = opinion.toAbsolutePath().getParent();
        boolean sweep = opinion.getFileName().toString().equals("results.jsonl") && dir != null
                && Files.isRegularFile(dir.resolve("manifest.jsonl")) && Files.isRegularFile(dir.resolve(SweepRun.FILE));
        return sweep ? dir : null;
    }

    private static <T> T parse(String option, String value, java.util.List<String> ids,
                               java.util.function.Function<String, T> from) {
        try {
            return from.apply(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(option + " must be one of " + String.join(", ", ids) + ", not '" + value
                    + "'");
        }
    }

}
