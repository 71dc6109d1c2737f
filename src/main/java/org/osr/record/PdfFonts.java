package org.osr.record;

import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts a PDF record is set in, embedded (subset): a TrueType font with Chinese glyphs — the one named by
 * {@code --font} or {@value #ENV}, else the first of {@link #CJK_CANDIDATES} present — and, for characters it lacks
 * (⟦ ⟧ around a match, ×), a Latin fallback. A character neither has is drawn as {@code ?}.
 */
public final class PdfFonts implements Closeable {
    public static final String ENV = "OSR_CJK_FONT";
    static final List<String> CJK_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/arphic/uming.ttc",
            "/usr/share/fonts/truetype/noto/NotoSansSC-Regular.ttf",
            "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/simsun.ttc",
            "C:/Windows/Fonts/simhei.ttf",
            "C:/Windows/Fonts/msyh.ttc");
    static final List<String> LATIN_CANDIDATES = List.of(
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
            "C:/Windows/Fonts/arial.ttf");
    /** Characters every record has: a font that cannot set them is no CJK font. */
    private static final String PROBE = "审查记录签名日期";

    /** No usable font with Chinese glyphs was found. */
    public static final class NoCjkFont extends Exception {
        NoCjkFont(String message) {
            super(message);
        }
    }

    final PDFont cjk;
    final PDFont latin;
    private final List<Closeable> open = new ArrayList<>();

    private PdfFonts(PDDocument doc, Path named) throws IOException, NoCjkFont {
        PDFont found = null;
        List<String> tried = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        if (named != null) {
            candidates.add(named.toString());
        } else {
            String env = System.getenv(ENV);
            if (env != null && !env.isBlank()) {
                candidates.add(env);
            }
            candidates.addAll(CJK_CANDIDATES);
        }
        for (String c : candidates) {
            if (!Files.isRegularFile(Path.of(c))) {
                if (named != null || c.equals(System.getenv(ENV))) {
                    tried.add(c + " (not found)");
                }
                continue;
            }
            PDFont f = load(doc, Path.of(c));
            if (f != null && encodes(f, PROBE)) {
                found = f;
                break;
            }
            tried.add(c + " (no Chinese glyphs, or not a TrueType font)");
        }
        if (found == null) {
            throw new NoCjkFont("no font with Chinese glyphs for the PDF record" + (tried.isEmpty() ? ""
                    : " (tried " + String.join(", ", tried) + ")") + ": name a TrueType font (.ttf or .ttc) with "
                    + "--font FILE or the environment variable " + ENV + ", or install one, e.g. "
                    + "'apt-get install fonts-droid-fallback' or 'fonts-wqy-zenhei'; the DOCX record needs no font");
        }
        cjk = found;
        PDFont fallback = null;
        for (String c : LATIN_CANDIDATES) {
            if (Files.isRegularFile(Path.of(c)) && (fallback = load(doc, Path.of(c))) != null) {
                break;
            }
        }
        latin = fallback;
    }

    static PdfFonts open(PDDocument doc, Path named) throws IOException, NoCjkFont {
        return new PdfFonts(doc, named);
    }

    /** The font of a TrueType file, or of the first font of a collection; null when it cannot be embedded. */
    private PDFont load(PDDocument doc, Path file) {
        try {
            if (file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
                TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
                open.add(collection);
                TrueTypeFont[] first = new TrueTypeFont[1];
                collection.processAllFonts(ttf -> {
                    if (first[0] == null) {
                        first[0] = ttf;
                    }
                });
                return first[0] == null ? null : PDType0Font.load(doc, first[0], true);
            }
            return PDType0Font.load(doc, new File(file.toString()));
        } catch (IOException | RuntimeException unusable) {
            return null;
        }
    }

    /** The font that sets {@code ch}, or null when none does. */
    PDFont fontFor(String ch) {
        if (encodes(cjk, ch)) {
            return cjk;
        }
        return latin != null && encodes(latin, ch) ? latin : null;
    }

    static boolean encodes(PDFont f, String s) {
        try {
            f.encode(s);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
    }
}
