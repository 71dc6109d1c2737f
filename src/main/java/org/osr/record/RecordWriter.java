package org.osr.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;
import org.osr.sweep.outputs.SweepRun;
import tools.jackson.databind.node.ObjectNode;

/** {@code osr record}: one record file per document of an opinion, named {@code record-NNN-NAME.docx} (and .pdf). */
public final class RecordWriter {
    private static final int NAME_CHARS = 60;

    private RecordWriter() {
    }

    /**
     * @param font for the PDF: a TrueType font with Chinese glyphs, or null to look for one
     * @return the files written, in document order
     * @throws PdfFonts.NoCjkFont with {@code pdf}, before anything is written, when no CJK font is found
     */
    public static List<Path> write(OpinionFile opinion, List<RulePack> loaded, Lang lang, Path outDir, boolean pdf,
                                   Path font, String toolVersion) throws IOException, PdfFonts.NoCjkFont {
        if (pdf) {
            try (PDDocument probe = new PDDocument(); PdfFonts fonts = PdfFonts.open(probe, font)) {
                // found: the records below will find it again
            }
        }
        Files.createDirectories(outDir);
        String source = opinion.file().getFileName().toString();
        List<SweepRun.PackRef> packs = opinion.packs();
        List<Path> written = new ArrayList<>();
        int[] n = {0};
        try {
            opinion.forEach(entry -> {
                ObjectNode document = entry.document();
                ReviewRecord record = ReviewRecord.of(document, packs, loaded, lang, toolVersion, source);
                String base = "record-%03d-%s".formatted(++n[0],
                        safeName(ReviewRecord.name(OpinionFile.result(document))));
                Path docx = outDir.resolve(base + ".docx");
                write(docx, out -> DocxRecord.write(record, lang, out));
                written.add(docx);
                if (pdf) {
                    Path file = outDir.resolve(base + ".pdf");
                    write(file, out -> PdfRecord.write(record, font, out));
                    written.add(file);
                }
            });
        } catch (FontLost e) {
            throw e.cause;
        }
        return written;
    }

    /** The font was found before the first record and is gone at a later one: carried out of the loop. */
    private static final class FontLost extends IOException {
        final PdfFonts.NoCjkFont cause;

        FontLost(PdfFonts.NoCjkFont cause) {
            super(cause.getMessage());
            this.cause = cause;
        }
    }

    private interface Render {
        void to(OutputStream out) throws IOException, PdfFonts.NoCjkFont;
    }

    private static void write(Path file, Render render) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                render.to(out);
            } catch (PdfFonts.NoCjkFont e) {
                throw new FontLost(e);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A file name from a (masked) title or path: letters, digits, {@code . _ -} kept, the rest {@code _}. */
    static String safeName(String name) {
        StringBuilder s = new StringBuilder();
        name.codePoints().limit(NAME_CHARS).forEach(c -> s.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_'));
        String cleaned = s.toString().replaceAll("_+", "_").replaceAll("^[._]+", "");
        return cleaned.isEmpty() ? "document" : cleaned;
    }
}
