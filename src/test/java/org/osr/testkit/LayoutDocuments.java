package org.osr.testkit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A document described by its layout — pages of headings, paragraphs and tables, plus the things drawn over the
 * text flow (a banner repeated at the top and bottom of every page, a mark placed at the top right of page 1 but
 * anchored mid-document, a note turned along the binding margin) — and written as a real file of each format the
 * way a producer lays it out: DOCX with styles, tables, page breaks, text boxes and page headers; PDF and OFD with
 * text at positions; HTML with real tables; XLSX with cells, merged cells and sheet headers.
 */
public final class LayoutDocuments {

    private LayoutDocuments() {
    }

    /** The formats a layout can be written in. */
    public enum Format {
        DOCX("docx"), PDF("pdf"), OFD("ofd"), HTML("html"), XLSX("xlsx");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }
    }

    public enum Lang { ZH, EN }

    /** A table cell spanning {@code span} grid columns. */
    public record Cell(String text, int span) {
        public static Cell of(String text) {
            return new Cell(text, 1);
        }
    }

    /** Something in the text flow of a page. */
    public sealed interface Element permits Para, Table {
    }

    public record Para(String text, boolean heading) implements Element {
    }

    /** Rows of cells; with {@code headerRow} the first row is the header (Word's repeated header row, HTML th). */
    public record Table(List<List<Cell>> rows, boolean headerRow) implements Element {
        public int columns() {
            return rows.stream().mapToInt(r -> r.stream().mapToInt(Cell::span).sum()).max().orElse(0);
        }
    }

    public record Page(List<Element> elements) {
    }

    /**
     * How a DOCX says that a page ends: an explicit {@code w:br w:type="page"}, the next page's first paragraph set to
     * {@code w:pageBreakBefore}, a section break in the page's last paragraph ({@code w:sectPr} in its {@code w:pPr},
     * next page), or only the {@code w:lastRenderedPageBreak} Word leaves where its layout broke the flow.
     */
    public enum DocxBreak { PAGE_BREAK, PAGE_BREAK_BEFORE, SECTION_BREAK, RENDERED }

    /**
     * @param banner      a line at the top and the bottom of every page, or null
     * @param overlay     a mark shown at the top of page 1 but written late (a DOCX text box anchored mid-page; drawn
     *                    last in PDF and OFD), or null
     * @param marginNote  a note turned 90° along the left (binding) margin of page 1, or null
     * @param firstPageHeader a line in the header of page 1 only (Word's "different first page"), or null
     * @param docxBreak   how the DOCX ends a page
     */
    public record Layout(String title, Lang lang, List<Page> pages, String banner, Overlay overlay,
                         String marginNote, String firstPageHeader, DocxBreak docxBreak) {
        public boolean hasTable() {
            return pages.stream().flatMap(p -> p.elements().stream()).anyMatch(e -> e instanceof Table);
        }
    }

    /** A mark placed at the top left or the top right of page 1, anchored in paragraph {@code anchor} (0-based). */
    public record Overlay(String text, boolean left, int anchor) {
    }

    public static Builder zh(String title) {
        return new Builder(title, Lang.ZH);
    }

    public static Builder en(String title) {
        return new Builder(title, Lang.EN);
    }

    /** A row of cells: strings are one-column cells, {@link Cell}s may span. */
    public static List<Cell> row(Object... cells) {
        return Arrays.stream(cells).map(c -> c instanceof Cell cell ? cell : Cell.of((String) c)).toList();
    }

    public static Cell span(String text, int columns) {
        return new Cell(text, columns);
    }

    public static final class Builder {
        private final String title;
        private final Lang lang;
        private final List<Page> pages = new ArrayList<>();
        private List<Element> current = new ArrayList<>();
        private String banner;
        private String firstPageHeader;
        private Overlay overlay;
        private String marginNote;
        private DocxBreak docxBreak = DocxBreak.PAGE_BREAK;

        private Builder(String title, Lang lang) {
            this.title = title;
            this.lang = lang;
        }

        public Builder heading(String text) {
            current.add(new Para(text, true));
            return this;
        }

        public Builder para(String... texts) {
            for (String t : texts) {
                current.add(new Para(t, false));
            }
            return this;
        }

        public Builder table(boolean headerRow, List<List<Cell>> rows) {
            current.add(new Table(List.copyOf(rows), headerRow));
            return this;
        }

        @SafeVarargs
        public final Builder table(boolean headerRow, List<Cell>... rows) {
            return table(headerRow, List.of(rows));
        }

        /** Ends the page: what follows starts on the next one. */
        public Builder pageBreak() {
            pages.add(new Page(List.copyOf(current)));
            current = new ArrayList<>();
            return this;
        }

        /** A line in the page header of page 1 only. */
        public Builder firstPageHeader(String text) {
            this.firstPageHeader = text;
            return this;
        }

        public Builder banner(String text) {
            this.banner = text;
            return this;
        }

        /** A mark shown at the top right of page 1, anchored in the paragraph {@code anchor} of page 1 (0-based). */
        public Builder topRight(String text, int anchor) {
            this.overlay = new Overlay(text, false, anchor);
            return this;
        }

        /** A mark shown at the top left of page 1, anchored in the paragraph {@code anchor} of page 1 (0-based). */
        public Builder topLeft(String text, int anchor) {
            this.overlay = new Overlay(text, true, anchor);
            return this;
        }

        public Builder marginNote(String text) {
            this.marginNote = text;
            return this;
        }

        public Builder docxBreak(DocxBreak how) {
            this.docxBreak = how;
            return this;
        }

        public Layout build() {
            List<Page> all = new ArrayList<>(pages);
            if (!current.isEmpty() || all.isEmpty()) {
                all.add(new Page(List.copyOf(current)));
            }
            return new Layout(title, lang, List.copyOf(all), banner, overlay, marginNote, firstPageHeader, docxBreak);
        }
    }

    /** Writes {@code layout} as {@code format} to {@code file}. PDF needs the CJK font {@link SampleDocuments#DEFAULT_FONT}. */
    public static Path write(Layout layout, Format format, Path file) throws IOException {
        byte[] bytes = switch (format) {
            case DOCX -> LayoutDocx.bytes(layout);
            case PDF -> LayoutPdf.bytes(layout, SampleDocuments.DEFAULT_FONT);
            case OFD -> LayoutOfd.bytes(layout);
            case HTML -> LayoutHtml.bytes(layout);
            case XLSX -> LayoutXlsx.bytes(layout);
        };
        SampleDocuments.writeFile(file, bytes);
        return file;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
