package org.osr.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.tika.metadata.Metadata;

/**
 * Counts glyphs that did not decode to text: U+FFFD, private-use code points, control characters and, in PDFs, the
 * glyphs PDFBox found no Unicode for (Tika's {@code pdf:unmappedUnicodeCharsPerPage}; PDFBox then emits nothing or
 * the raw character code, which reads as plausible Latin letters, so the text itself cannot show them). A page, or a
 * part without pages, where they are more than a trace is {@code undecodable-text}: a marking drawn in such a font
 * would otherwise pass unseen.
 */
final class GlyphCensus {
    /** A trace is fewer than this many undecodable glyphs on a page, or fewer than {@link #MIN_SHARE} of it. */
    static final int MIN_GLYPHS = 3;
    static final double MIN_SHARE = 0.02;
    /** A short line that starts with a level is where a marking stands; one undecodable glyph there is not a trace. */
    private static final Pattern LEVEL = Pattern.compile("^\\s*(密级\\s*[:：]?\\s*)?(绝密|机密|秘密)");
    private static final int MARKING_LINE_CHARS = 20;

    /** One page (or a part without pages) whose text did not decode. */
    record Page(int number, int undecodable, int characters) {
    }

    private GlyphCensus() {
    }

    /**
     * The problem for the parts of one document (the file itself or one embedded document), or none. {@code md} is
     * that document's Tika metadata; its per-page counts of unmapped glyphs apply to the paged body text.
     */
    static List<Problem> check(List<Part> parts, Metadata md) {
        List<String> ocrPages = parts.stream().filter(p -> p.kind() == PartKind.OCR)
                .map(p -> List.of(p.text().split(String.valueOf(Part.PAGE_BREAK), -1))).findFirst().orElse(List.of());
        // Tika writes the field delimiters of a legacy Word file (HYPERLINK, PAGE, merge fields) as U+FFFD.
        String type = md == null ? null : md.get(Metadata.CONTENT_TYPE);
        boolean wordFieldMarks = type != null && type.startsWith("application/msword");
        List<Problem> problems = new ArrayList<>();
        for (Part part : parts) {
            if (part.kind() == PartKind.OCR || part.kind() == PartKind.METADATA) {
                continue;
            }
            boolean pdfPages = part.paged() && md != null && md.getValues("pdf:charsPerPage").length > 0
                    && (part.kind() == PartKind.BODY || part.kind() == PartKind.EMBEDDED);
            List<Page> bad = pages(part.text(), pdfPages ? ints(md, "pdf:unmappedUnicodeCharsPerPage") : new int[0],
                    pdfPages ? ints(md, "pdf:charsPerPage") : new int[0], !pdfPages, !wordFieldMarks);
            bad.removeIf(p -> p.number() <= ocrPages.size() && !ocrPages.get(p.number() - 1).isBlank());
            if (!bad.isEmpty()) {
                problems.add(problem(part, bad));
            }
        }
        return problems;
    }

    /** The 1-based PDF pages of a text layer ({@code '\f'} between pages) whose glyphs did not decode. */
    static List<Integer> undecodablePages(String pdfText, Metadata md) {
        return pages(pdfText, ints(md, "pdf:unmappedUnicodeCharsPerPage"), ints(md, "pdf:charsPerPage"), false, true)
                .stream().map(Page::number).toList();
    }

    /**
     * The pages (1-based, split at {@code '\f'}) whose undecodable glyphs are more than a trace.
     *
     * @param unmapped glyphs per page that had no Unicode at all (PDF), or an empty array
     * @param glyphs   glyphs drawn per page (PDF), or an empty array
     * @param controls whether control characters count (not in PDF text, where unmapped glyphs may show as them and
     *                 are already in {@code unmapped})
     * @param replacement whether U+FFFD counts
     */
    static List<Page> pages(String text, int[] unmapped, int[] glyphs, boolean controls, boolean replacement) {
        String[] pages = text.split(String.valueOf(Part.PAGE_BREAK), -1);
        List<Page> bad = new ArrayList<>();
        for (int i = 0; i < Math.max(pages.length, unmapped.length); i++) {
            String page = i < pages.length ? pages[i] : "";
            int count = i < unmapped.length ? unmapped[i] : 0;
            int characters = i < glyphs.length ? glyphs[i] : 0;
            int visible = 0;
            boolean onMarkingLine = false;
            boolean levelLine = false;
            for (String line : page.split("\n")) {
                int lineBad = 0;
                int lineVisible = 0;
                for (int j = listBullet(line); j < line.length(); ) {
                    int c = line.codePointAt(j);
                    j += Character.charCount(c);
                    if (undecodable(c, controls, replacement)) {
                        lineBad++;
                    } else if (!Character.isWhitespace(c)) {
                        lineVisible++;
                    }
                }
                count += lineBad;
                visible += lineVisible + lineBad;
                boolean markingLine = lineVisible <= MARKING_LINE_CHARS && LEVEL.matcher(line).find();
                onMarkingLine |= markingLine && lineBad > 0;
                levelLine |= markingLine;
            }
            // Where on the page an unmapped glyph stood is unknown: a page with a marking line may have it there.
            onMarkingLine |= levelLine && i < unmapped.length && unmapped[i] > 0;
            characters = Math.max(characters, visible);
            if (onMarkingLine || count >= MIN_GLYPHS && count >= MIN_SHARE * characters) {
                bad.add(new Page(i + 1, count, characters));
            }
        }
        return bad;
    }

    /**
     * Where counting starts on a line: after a list bullet drawn with a symbol font (Word writes the Symbol bullet as
     * U+F0B7, the Wingdings square as U+F0A7), which stands alone at the start of a line and shows no text.
     */
    private static int listBullet(String line) {
        int j = 0;
        while (j < line.length() && Character.isWhitespace(line.charAt(j))) {
            j++;
        }
        boolean symbol = j < line.length() && line.charAt(j) >= 0xF000 && line.charAt(j) <= 0xF0FF;
        boolean alone = j + 1 >= line.length() || Character.isWhitespace(line.charAt(j + 1));
        return symbol && alone ? j + 1 : 0;
    }

    static boolean undecodable(int c, boolean controls, boolean replacement) {
        return replacement && c == 0xFFFD
                || c >= 0xE000 && c <= 0xF8FF
                || c >= 0xF0000
                || controls && c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != Part.PAGE_BREAK;
    }

    private static Problem problem(Part part, List<Page> bad) {
        int count = bad.stream().mapToInt(Page::undecodable).sum();
        String where = (part.embeddedPath() == null ? "" : "embedded file " + part.embeddedPath() + ": ")
                + "the " + part.kind().name().toLowerCase(java.util.Locale.ROOT)
                + (part.source() == null ? "" : " (" + part.source() + ")");
        String pages = part.paged() ? " on page(s) " + bad.stream().map(p -> String.valueOf(p.number()))
                .collect(Collectors.joining(", ")) : "";
        return new Problem(Problem.UNDECODABLE_TEXT, where + " has " + count + " glyph(s)" + pages + " that did not "
                + "decode to text (a font without a Unicode map, or private-use or replacement characters); what they "
                + "show is unreviewed" + (part.paged() ? " unless read with OCR (--ocr)" : ""));
    }

    private static int[] ints(Metadata md, String key) {
        String[] values = md.getValues(key);
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            try {
                out[i] = Integer.parseInt(values[i].trim());
            } catch (NumberFormatException e) {
                out[i] = 0;
            }
        }
        return out;
    }
}
