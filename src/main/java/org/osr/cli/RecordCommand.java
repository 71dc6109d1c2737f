package org.osr.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.osr.record.OpinionFile;
import org.osr.record.PdfFonts;
import org.osr.record.RecordWriter;
import org.osr.rules.Lang;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code osr record OPINION --out DIR}: the written review record (审查记录) of each document of an opinion. */
@Command(name = "record", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the review record (审查记录) of each document of a review opinion (osr scan's JSON, "
                + "or JSON lines such as a sweep's results.jsonl) as DOCX, and with --pdf also as PDF: title, "
                + "abstract, basis of review (the rule packs' legal basis), conclusion and handling opinion with "
                + "every finding (masked), the document's SHA-256 and the packs' versions, and signature rows for "
                + "承办人, 审核人 and 审批领导 with the stages recorded by 'osr review approve'.",
                "No cryptographic signing is done: the record is signed by hand."},
        footer = {"", "Exit codes: 0 written, 64 usage error, 65 the opinion cannot be read or is not an",
                "osr opinion, 69 --pdf and no font with Chinese glyphs, 74 a record cannot be",
                "written, 78 invalid rule pack."})
final class RecordCommand implements Callable<Integer> {
    private final Io io;

    @Parameters(index = "0", paramLabel = "OPINION", description = "The opinion file (JSON or JSON lines).")
    Path opinionFile;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Folder for the records (created when absent): record-NNN-NAME.docx (and .pdf).")
    Path out;

    @Option(names = "--pdf", description = "Also write each record as PDF, with an embedded font that has Chinese "
            + "glyphs.")
    boolean pdf;

    @Option(names = "--font", paramLabel = "FILE", description = "TrueType font (.ttf or .ttc) with Chinese glyphs "
            + "for --pdf (default: $" + PdfFonts.ENV + ", else a known system font such as Droid Sans Fallback).")
    Path font;

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the record: zh (default) or en.")
    String lang = "zh";

    @Mixin
    PackOptions packOptions = new PackOptions();

    RecordCommand(Io io) {
        this.io = io;
    }

    /** The opinion, or null after saying on stderr why it cannot be read (the caller exits 65). */
    static OpinionFile readOpinion(Path file, java.io.PrintStream err) {
        try {
            return OpinionFile.read(file);
        } catch (NoSuchFileException e) {
            err.println("osr: cannot read the opinion " + file + ": no such file");
        } catch (IOException e) {
            err.println("osr: cannot read the opinion " + file + ": " + e.getMessage());
        } catch (OpinionFile.NotAnOpinion e) {
            err.println("osr: " + e.getMessage());
        }
        return null;
    }

    @Override
    public Integer call() throws Exception {
        Lang language = ScanCommand.language(lang);
        OpinionFile opinion = readOpinion(opinionFile, io.err());
        if (opinion == null) {
            return ExitCodes.UNREADABLE_INPUT;
        }
        List<Path> written;
        try {
            written = RecordWriter.write(opinion, packOptions.load(), language, out, pdf, font, Version.VERSION);
        } catch (PdfFonts.NoCjkFont e) {
            io.err().println("osr: " + e.getMessage());
            return ExitCodes.NO_FONT;
        } catch (IOException e) {
            throw new ReportOutput.WriteFailure(out + ": " + e.getMessage());
        }
        io.out().println("osr: " + written.size() + " record file(s) for " + opinion.size()
                + " document(s) written to " + out);
        io.out().flush();
        return 0;
    }
}
