package org.osr.testkit;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * One-page PDFs whose glyphs decode badly in the ways real files do: a CJK font embedded without its ToUnicode map
 * (PDFBox then emits the raw codes, plausible Latin letters), a symbol font whose ToUnicode maps to private-use code
 * points as Word's PDF export writes them (a Wingdings ★ becomes U+F0AB), a ToUnicode map that yields U+FFFD, and
 * the Standard 14 ZapfDingbats and Symbol fonts.
 */
public final class GlyphPdf {
    private static final String CJK_FONT = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
    private static final COSName MARK = COSName.getPDFName("OsrGlyphTest");

    /** How a run of text is drawn. */
    public enum Face {
        /** Droid Sans Fallback (DejaVu Sans for what it lacks), with ToUnicode: decodes. */
        NORMAL,
        /** Droid Sans Fallback with its ToUnicode map removed. */
        NO_TO_UNICODE,
        /** Droid Sans Fallback whose ToUnicode maps every glyph to U+FFFD. */
        REPLACEMENT,
        /** The Standard 14 ZapfDingbats; the run's text is the Unicode character to show. */
        ZAPF_DINGBATS,
        /** The Standard 14 Symbol font; the run's text is the Unicode character to show. */
        SYMBOL
    }

    /** Text in one face; for {@link #wingdings} runs {@code pua} is the private-use code its ToUnicode gives. */
    public record Run(String text, Face face, int pua) {
        public static Run of(String text) {
            return new Run(text, Face.NORMAL, 0);
        }

        public static Run in(Face face, String text) {
            return new Run(text, face, 0);
        }

        /** {@code shown} drawn in a font named Wingdings whose ToUnicode says {@code pua} (e.g. ★ as U+F0AB). */
        public static Run wingdings(String shown, int pua) {
            return new Run(shown, null, pua);
        }
    }

    private GlyphPdf() {
    }

    /** One A4 page, one line per inner list. */
    public static byte[] page(List<List<Run>> lines) throws IOException {
        byte[] saved;
        Map<PDFont, Map<String, String>> retag = new LinkedHashMap<>();
        try (PDDocument doc = new PDDocument()) {
            PDType0Font cjk = PDType0Font.load(doc, new File(CJK_FONT));
            PDType0Font latin = PDType0Font.load(doc, new File(PdfBuilder.FALLBACK_FONT));
            Map<Face, PDFont> special = new LinkedHashMap<>();
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setLeading(24);
                cs.newLineAtOffset(72, 760);
                for (List<Run> line : lines) {
                    for (Run run : line) {
                        if (run.face() == null) {
                            PDType0Font f = PDType0Font.load(doc, new File(PdfBuilder.FALLBACK_FONT));
                            f.getCOSObject().setString(MARK, "wingdings");
                            retag.put(f, Map.of(hex(f.encode(run.text())), "%04X".formatted(run.pua())));
                            show(cs, f, run.text());
                        } else if (run.face() == Face.NORMAL) {
                            showNormal(cs, cjk, latin, run.text());
                        } else if (run.face() == Face.ZAPF_DINGBATS || run.face() == Face.SYMBOL) {
                            PDFont f = special.computeIfAbsent(run.face(), k -> new PDType1Font(k == Face.SYMBOL
                                    ? Standard14Fonts.FontName.SYMBOL : Standard14Fonts.FontName.ZAPF_DINGBATS));
                            show(cs, f, run.text());
                        } else {
                            PDFont f = special.computeIfAbsent(run.face(), k -> load(doc));
                            f.getCOSObject().setString(MARK, run.face().name());
                            Map<String, String> codes = retag.computeIfAbsent(f, k -> new LinkedHashMap<>());
                            for (int i = 0; i < run.text().length(); i++) {
                                codes.put(hex(f.encode(run.text().substring(i, i + 1))), "FFFD");
                            }
                            show(cs, f, run.text());
                        }
                    }
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            saved = out.toByteArray();
        }
        Map<String, Map<String, String>> byMark = new LinkedHashMap<>();
        retag.forEach((f, codes) -> byMark.merge(f.getCOSObject().getString(MARK), codes, (a, b) -> {
            Map<String, String> m = new LinkedHashMap<>(a);
            m.putAll(b);
            return m;
        }));
        return retag(saved, byMark);
    }

    /** Rewrites the marked fonts' ToUnicode maps (and names) after PDFBox wrote its own while subsetting. */
    private static byte[] retag(byte[] pdf, Map<String, Map<String, String>> byMark) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getFontNames()) {
                    COSDictionary font = res.getFont(name).getCOSObject();
                    String mark = font.getString(MARK);
                    if (mark == null) {
                        continue;
                    }
                    font.removeItem(MARK);
                    if (mark.equals(Face.NO_TO_UNICODE.name())) {
                        font.removeItem(COSName.TO_UNICODE);
                    } else if (mark.equals("wingdings")) {
                        font.setName(COSName.BASE_FONT, "AAAAAA+Wingdings-Regular");
                        font.setItem(COSName.TO_UNICODE, toUnicode(doc, byMark.get(mark)));
                    } else {
                        font.setItem(COSName.TO_UNICODE, toUnicode(doc, byMark.get(mark)));
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static COSStream toUnicode(PDDocument doc, Map<String, String> codes) throws IOException {
        StringBuilder cmap = new StringBuilder("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                + "/CMapName /Osr-Test-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\n"
                + "endcodespacerange\n" + codes.size() + " beginbfchar\n");
        codes.forEach((code, unicode) -> cmap.append('<').append(code).append("> <").append(unicode).append(">\n"));
        cmap.append("endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        COSStream stream = doc.getDocument().createCOSStream();
        try (OutputStream os = stream.createOutputStream()) {
            os.write(cmap.toString().getBytes(StandardCharsets.US_ASCII));
        }
        return stream;
    }

    private static PDFont load(PDDocument doc) {
        try {
            return PDType0Font.load(doc, new File(CJK_FONT));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void showNormal(PDPageContentStream cs, PDFont cjk, PDFont latin, String text) throws IOException {
        List<String> pieces = new ArrayList<>();
        List<PDFont> fonts = new ArrayList<>();
        text.codePoints().forEach(c -> {
            String ch = Character.toString(c);
            PDFont f = encodes(cjk, ch) ? cjk : latin;
            if (!fonts.isEmpty() && fonts.get(fonts.size() - 1) == f) {
                pieces.set(pieces.size() - 1, pieces.get(pieces.size() - 1) + ch);
            } else {
                fonts.add(f);
                pieces.add(ch);
            }
        });
        for (int i = 0; i < pieces.size(); i++) {
            show(cs, fonts.get(i), pieces.get(i));
        }
    }

    private static void show(PDPageContentStream cs, PDFont font, String text) throws IOException {
        cs.setFont(font, 14);
        cs.showText(text);
    }

    private static boolean encodes(PDFont font, String ch) {
        try {
            font.encode(ch);
            return true;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            return false;
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }
}
