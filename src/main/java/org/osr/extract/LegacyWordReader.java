package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ddf.EscherComplexProperty;
import org.apache.poi.ddf.EscherContainerRecord;
import org.apache.poi.ddf.EscherProperty;
import org.apache.poi.ddf.EscherPropertyTypes;
import org.apache.poi.ddf.EscherRecord;
import org.apache.poi.ddf.EscherOptRecord;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.hwpf.model.FileInformationBlock;
import org.apache.poi.hwpf.model.GenericPropertyNode;
import org.apache.poi.hwpf.model.PlexOfCps;
import org.apache.poi.hwpf.model.SEPX;
import org.apache.poi.hwpf.model.StyleDescription;
import org.apache.poi.hwpf.model.SubdocumentType;
import org.apache.poi.hwpf.usermodel.CharacterRun;
import org.apache.poi.hwpf.usermodel.OfficeDrawing;
import org.apache.poi.hwpf.usermodel.OfficeDrawings;
import org.apache.poi.hwpf.usermodel.Paragraph;
import org.apache.poi.hwpf.usermodel.Range;
import org.apache.poi.hwpf.usermodel.SectionProperties;
import org.apache.poi.hwpf.usermodel.Table;
import org.apache.poi.hwpf.usermodel.TableRow;
import org.apache.tika.parser.microsoft.ListManager;

/**
 * Reads a legacy Word file (Word 97–2003 {@code .doc}/{@code .dot}, and WPS files in that format) with POI HWPF and
 * labels its text by story, like {@link DocxStructureReader} does for DOCX: the main story is the body; the header
 * story is cut into the headers and footers of each section (Word's footnote separators skipped); footnotes and
 * endnotes, comments (annotations), the text boxes of the body ({@code shape}) and of the headers ({@code header}).
 * Runs marked deleted (revision marking) go to {@code deleted} and vanished runs to {@code hidden}, never to their
 * story. Field instructions ({@code HYPERLINK "…"}, {@code PAGE}, {@code MERGEFIELD …}) are dropped and field results
 * kept. WordArt is not in any story: its text is a shape property ({@code gtextUNICODE}) of the drawing layer, read as
 * a watermark in a header and as a shape in the body; a shape's or floating picture's description is alt-text.
 * Paragraphs and table cells are lines; list numbers are written as Tika writes them, so a line reads as before.
 * Each line is a block: a table paragraph a {@code CELL} with its table, row and column, a paragraph whose style is
 * a heading ({@code Heading N}, {@code 标题 N}) or that has an outline level a {@code HEADING}, a numbered paragraph
 * a {@code LIST_ITEM}; in the main text each block has its page, counted from page breaks, page-breaking section
 * breaks and "page break before" paragraphs.
 */
final class LegacyWordReader {
    /** Word's own names for the six stories of each section in the header story, after six separator stories. */
    private static final String[] SECTION_STORIES = {"even header", "odd header", "even footer", "odd footer",
            "first-page header", "first-page footer"};
    private static final int SEPARATOR_STORIES = 6;
    private static final char FIELD_BEGIN = 0x13;
    private static final char FIELD_SEPARATOR = 0x14;
    private static final char FIELD_END = 0x15;
    private static final char PAGE_BREAK = 0x0C;
    /** Word's outline levels 0–8 are headings; 9 is body text. */
    private static final int BODY_TEXT_LEVEL = 9;
    private static final java.util.regex.Pattern HEADING_STYLE = java.util.regex.Pattern.compile(
            "(?i)(heading|标题)\\s*[1-9]");

    private LegacyWordReader() {
    }

    /** Whether Tika read this type with its Word 97–2003 parser, so HWPF can read it too. */
    static boolean handles(String mediaType) {
        return mediaType.equals("application/msword") || mediaType.equals("application/vnd.ms-works");
    }

    /**
     * The labelled parts of a file Tika read as legacy Word, or null when it is another type or HWPF cannot read it:
     * then Tika's text stands (it read the file, with its headers and footers in the body).
     */
    static DocxStructureReader.Content readOrNull(Path file, String mediaType) {
        if (!handles(mediaType)) {
            return null;
        }
        try {
            return read(file);
        } catch (IOException e) {
            return null;
        }
    }

    /** The labelled parts of the file, in reading order of a page; throws if HWPF cannot read it. */
    static DocxStructureReader.Content read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    static DocxStructureReader.Content read(InputStream in) throws IOException {
        try (HWPFDocument doc = new HWPFDocument(in)) {
            return new DocxStructureReader.Content(parts(doc), List.of());
        } catch (RuntimeException e) {
            // POI's record parsers fail on damaged files with all sorts of unchecked exceptions
            throw new IOException("HWPF could not read the Word file: " + e, e);
        }
    }

    private static List<Part> parts(HWPFDocument doc) {
        Map<SubdocumentType, Range> stories = stories(doc);
        // List numbers count as Tika counts them: the main text on its own, headers and footers together (Tika
        // numbers nothing else; the other stories share the headers' count)
        ListManager lists = new ListManager(doc);
        List<Part> headers = new ArrayList<>();
        List<Part> footers = new ArrayList<>();
        headerStories(doc, stories.get(SubdocumentType.HEADER), lists, headers, footers);
        List<Part> parts = new ArrayList<>(headers);
        parts.addAll(new Story(PartKind.BODY, "main text", new ListManager(doc)).paged(doc)
                .read(stories.get(SubdocumentType.MAIN)));
        parts.addAll(new Story(PartKind.SHAPE, "text boxes", lists).read(stories.get(SubdocumentType.TEXTBOX)));
        parts.addAll(new Story(PartKind.FOOTNOTE, "footnotes", lists).read(stories.get(SubdocumentType.FOOTNOTE)));
        parts.addAll(new Story(PartKind.FOOTNOTE, "endnotes", lists).read(stories.get(SubdocumentType.ENDNOTE)));
        parts.addAll(footers);
        parts.addAll(new Story(PartKind.COMMENT, "comments", lists).read(stories.get(SubdocumentType.ANNOTATION)));
        parts.addAll(new Story(PartKind.HEADER, "header text boxes", lists)
                .read(stories.get(SubdocumentType.HEADER_TEXTBOX)));
        parts.addAll(drawings(doc.getOfficeDrawingsHeaders(), PartKind.WATERMARK, "header drawings"));
        parts.addAll(drawings(doc.getOfficeDrawingsMain(), PartKind.SHAPE, "drawings"));
        return parts;
    }

    /** Each story's character range: they follow one another in the FIB's order. */
    private static Map<SubdocumentType, Range> stories(HWPFDocument doc) {
        Map<SubdocumentType, Range> ranges = new EnumMap<>(SubdocumentType.class);
        FileInformationBlock fib = doc.getFileInformationBlock();
        int start = 0;
        for (SubdocumentType type : SubdocumentType.ORDERED) {
            int length = fib.getSubdocumentTextStreamLength(type);
            if (length > 0) {
                ranges.put(type, new Range(start, start + length, doc));
            }
            start += length;
        }
        return ranges;
    }

    /** Every section's headers and footers (Tika reads the first section's only). */
    private static void headerStories(HWPFDocument doc, Range story, ListManager lists, List<Part> headers,
                                      List<Part> footers) {
        FileInformationBlock fib = doc.getFileInformationBlock();
        if (story == null || fib.getPlcfHddSize() == 0) {
            return;
        }
        PlexOfCps plcfHdd = new PlexOfCps(doc.getTableStream(), fib.getPlcfHddOffset(), fib.getPlcfHddSize(), 0);
        int base = story.getStartOffset();
        for (int i = 0; i < plcfHdd.length(); i++) {
            GenericPropertyNode node = plcfHdd.getProperty(i);
            int start = base + node.getStart();
            int end = Math.min(base + node.getEnd(), story.getEndOffset());
            if (end <= start) {
                continue;   // a section that inherits the previous one's header or footer
            }
            if (i < SEPARATOR_STORIES) {
                // separators are drawn with marks that read as nothing; a continuation notice can hold words
                footers.addAll(new Story(PartKind.FOOTNOTE, "note separator " + (i + 1), lists)
                        .read(new Range(start, end, doc)));
                continue;
            }
            int section = (i - SEPARATOR_STORIES) / SECTION_STORIES.length + 1;
            String name = SECTION_STORIES[(i - SEPARATOR_STORIES) % SECTION_STORIES.length];
            boolean header = name.endsWith("header");
            String source = "section " + section + " " + name;
            List<Part> read = new Story(header ? PartKind.HEADER : PartKind.FOOTER, source, lists)
                    .read(new Range(start, end, doc));
            (header ? headers : footers).addAll(read);
        }
    }

    /**
     * WordArt keeps its text in the shape's properties, not in a story; so does the alternative text (description)
     * of shapes and floating pictures.
     */
    private static List<Part> drawings(OfficeDrawings drawings, PartKind wordArtKind, String source) {
        StringBuilder wordArt = new StringBuilder();
        StringBuilder altText = new StringBuilder();
        for (OfficeDrawing drawing : drawings.getOfficeDrawings()) {
            EscherContainerRecord shape = drawing.getOfficeArtSpContainer();
            if (shape == null) {
                continue;
            }
            for (EscherRecord child : shape.getChildRecords()) {
                if (child instanceof EscherOptRecord opt) {
                    for (EscherProperty property : opt.getEscherProperties()) {
                        if (property.getPropertyNumber() == EscherPropertyTypes.GEOTEXT__UNICODE.propNumber) {
                            appendLine(wordArt, property);
                        } else if (property.getPropertyNumber()
                                == EscherPropertyTypes.GROUPSHAPE__DESCRIPTION.propNumber) {
                            appendLine(altText, property);
                        }
                    }
                }
            }
        }
        List<Part> parts = new ArrayList<>();
        if (!wordArt.isEmpty()) {
            parts.add(Part.of(wordArtKind, wordArt.toString(), source));
        }
        if (!altText.isEmpty()) {
            parts.add(Part.of(PartKind.ALT_TEXT, altText.toString(), source));
        }
        return parts;
    }

    private static void appendLine(StringBuilder text, EscherProperty property) {
        if (property instanceof EscherComplexProperty complex) {
            String s = new String(complex.getComplexData(), StandardCharsets.UTF_16LE).replace("\u0000", "").strip();
            if (!s.isEmpty()) {
                text.append(s).append('\n');
            }
        }
    }

    /**
     * One story read run by run. A paragraph keeps a line per kind (its own, deleted, hidden); when it ends, every
     * non-blank line is added to its kind's text. Field instructions, between a field's begin and separator marks,
     * are dropped; fields nest.
     */
    private static final class Story {
        private final PartKind kind;
        private final String source;
        private final ListManager lists;
        /** Marks an open field whose result is being read. */
        private static final StringBuilder RESULT = new StringBuilder();
        private final Map<PartKind, StringBuilder> text = new EnumMap<>(PartKind.class);
        private final Map<PartKind, StringBuilder> line = new EnumMap<>(PartKind.class);
        /** Per open field: its instruction so far, or null once its separator was passed (its result is read). */
        private final Deque<StringBuilder> fields = new ArrayDeque<>();
        private final Map<PartKind, List<Block>> blocks = new EnumMap<>(PartKind.class);
        /** The page each kind's line began on (its first visible character). */
        private final Map<PartKind, Integer> linePage = new EnumMap<>(PartKind.class);
        /** The page being read, from 1; 0 in a story without pages (headers, notes, comments). */
        private int page;
        /** Offsets of the section marks ({@code \f}) of sections followed by a continuous one: no new page. */
        private final java.util.Set<Integer> continuousBreaks = new java.util.HashSet<>();
        private List<StyleDescription> styles = List.of();
        private final Tables tables = new Tables();

        Story(PartKind kind, String source, ListManager lists) {
            this.kind = kind;
            this.source = source;
            this.lists = lists;
        }

        /** This story counts pages and names heading styles: the main text. */
        Story paged(HWPFDocument doc) {
            page = 1;
            List<SEPX> sections = doc.getSectionTable().getSections();
            for (int i = 1; i < sections.size(); i++) {
                SectionProperties next = sections.get(i).getSectionProperties();
                if (next.getBkc() == SectionProperties.BKC_NO_BREAK || next.getBkc()
                        == SectionProperties.BKC_NEW_COLUMN) {
                    continuousBreaks.add(sections.get(i - 1).getEnd() - 1);
                }
            }
            List<StyleDescription> named = new ArrayList<>();
            for (int i = 0; i < doc.getStyleSheet().numStyles(); i++) {
                named.add(doc.getStyleSheet().getStyleDescription(i));
            }
            styles = named;
            return this;
        }

        List<Part> read(Range range) {
            if (range == null) {
                return List.of();
            }
            for (int i = 0; i < range.numParagraphs(); i++) {
                Paragraph p = range.getParagraph(i);
                String number = p.isInList() ? listNumber(p) : null;
                if (page > 0 && i > 0 && p.pageBreakBefore()) {
                    page++;
                }
                for (int j = 0; j < p.numCharacterRuns(); j++) {
                    run(p.getCharacterRun(j));
                }
                Block.Cell cell = p.isInTable() ? tables.cell(range, p) : null;
                Block.Kind blockKind = cell != null ? Block.Kind.CELL : heading(p) ? Block.Kind.HEADING
                        : number != null ? Block.Kind.LIST_ITEM : Block.Kind.PARAGRAPH;
                endLine(number, blockKind, cell);
            }
            List<Part> parts = new ArrayList<>();
            for (Map.Entry<PartKind, StringBuilder> e : text.entrySet()) {
                if (!e.getValue().isEmpty()) {
                    parts.add(Part.of(e.getKey(), e.getValue().toString(), source)
                            .withBlocks(blocks.getOrDefault(e.getKey(), List.of())));
                }
            }
            return parts;
        }

        private boolean heading(Paragraph p) {
            int style = p.getStyleIndex();
            StyleDescription description = style >= 0 && style < styles.size() ? styles.get(style) : null;
            if (description != null && description.getName() != null
                    && HEADING_STYLE.matcher(description.getName()).matches()) {
                return true;
            }
            return !styles.isEmpty() && p.getLvl() >= 0 && p.getLvl() < BODY_TEXT_LEVEL && !p.isInTable();
        }

        private String listNumber(Paragraph p) {
            try {
                return lists.getFormattedNumber(p);
            } catch (RuntimeException e) {
                return null;   // a broken list table loses a list number, never text
            }
        }

        private void run(CharacterRun run) {
            String s = run.text();
            int offset = run.getStartOffset();
            PartKind target = run.isMarkedDeleted() ? PartKind.DELETED : run.isVanished() ? PartKind.HIDDEN : kind;
            String font = SymbolFonts.isSymbolFont(run.getFontName()) ? run.getFontName() : null;
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case FIELD_BEGIN -> fields.push(new StringBuilder());
                    case FIELD_SEPARATOR -> {
                        if (!fields.isEmpty()) {
                            fields.pop();
                            fields.push(RESULT);
                        }
                    }
                    case FIELD_END -> {
                        StringBuilder instruction = fields.poll();
                        if (instruction != null && instruction != RESULT && !instruction.isEmpty()) {
                            // A field without a result can still show its instruction's text (EQ, phonetic
                            // guides) or keep words in the file (XE index entries): not shown as such, not lost.
                            append(PartKind.HIDDEN, " " + instruction.toString().strip() + " ");
                        }
                    }
                    default -> {
                        if (page > 0 && c == PAGE_BREAK && !continuousBreaks.contains(offset + k)) {
                            page++;
                        }
                        if (fields.isEmpty() || fields.peek() == RESULT) {
                            character(target, c, font);
                        } else if (c >= 0x20) {
                            fields.peek().append(c);
                        }
                    }
                }
            }
        }

        private void character(PartKind target, char c, String font) {
            switch (c) {
                case '\r', 0x07 -> {
                    // paragraph and cell ends are handled as paragraphs; a bare mark inside one still ends a line
                }
                case 0x0B, 0x0C, 0x0E, '\n' -> append(target, "\n");   // line, page and column breaks
                case '\t' -> append(target, "\t");
                case 0x1E -> append(target, "-");   // non-breaking hyphen
                default -> {
                    if (c < 0x20) {
                        return;   // pictures (0x01, 0x08), note and comment marks (0x02, 0x05), separators
                    }
                    int cp = font == null ? c : SymbolFonts.toUnicode(font, c);
                    append(target, cp == SymbolFonts.UNMAPPED ? String.valueOf(c) : Character.toString(cp));
                }
            }
        }

        private void append(PartKind target, String s) {
            StringBuilder l = line.computeIfAbsent(target, k -> new StringBuilder());
            if (l.toString().isBlank() && !s.isBlank()) {
                linePage.put(target, page);   // a break before the first word puts the line on the next page
            }
            l.append(s);
        }

        private void endLine(String number, Block.Kind blockKind, Block.Cell cell) {
            for (Map.Entry<PartKind, StringBuilder> e : line.entrySet()) {
                String l = e.getValue().toString();
                if (!l.isBlank()) {
                    if (number != null && e.getKey() == kind) {
                        l = number + l;
                    }
                    StringBuilder story = text.computeIfAbsent(e.getKey(), k -> new StringBuilder());
                    String shown = l.stripTrailing();
                    int start = story.length() + (shown.length() - shown.stripLeading().length());
                    story.append(shown);
                    blocks.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new Block(start, story.length(),
                            blockKind, linePage.getOrDefault(e.getKey(), page), cell, null));
                    story.append('\n');
                }
            }
            line.clear();
            linePage.clear();
        }
    }

    /**
     * The cells of a story's tables: when a paragraph in a table lies past the table read so far, the next table
     * starts with it. A nested table's paragraphs count as the outer cell that holds them.
     */
    private static final class Tables {
        private record Span(int start, int end, Block.Cell cell) {
        }

        private final List<Span> cells = new ArrayList<>();
        private int count;
        private int end = -1;

        Block.Cell cell(Range story, Paragraph p) {
            if (p.getStartOffset() >= end) {
                read(story, p);
            }
            for (Span s : cells) {
                if (p.getStartOffset() >= s.start() && p.getStartOffset() < s.end()) {
                    return s.cell();
                }
            }
            return null;
        }

        private void read(Range story, Paragraph p) {
            cells.clear();
            Table table;
            try {
                table = story.getTable(p);
            } catch (RuntimeException e) {
                end = p.getEndOffset();   // not a table POI can read: its paragraphs stay paragraphs
                return;
            }
            int number = count++;
            end = table.getEndOffset();
            for (int r = 0; r < table.numRows(); r++) {
                TableRow row = table.getRow(r);
                for (int c = 0; c < row.numCells(); c++) {
                    cells.add(new Span(row.getCell(c).getStartOffset(), row.getCell(c).getEndOffset(),
                            new Block.Cell(number, r, c, row.isTableHeader())));
                }
            }
        }
    }
}
