package org.osr.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.osr.extract.Block;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.normalize.NormalizedText;
import org.osr.rules.conditions.HitSite;

/**
 * The layout of one part as the conditions see it: its blocks placed in the normalized text, their pages, ranks,
 * annexes, table rows and columns. Built once per part, and only for parts with a candidate hit.
 */
final class BlockSites {
    /** A short block that starts an annex: 附件, 附件1, 附件 2：, 附件一. */
    private static final Pattern ANNEX_LABEL = Pattern.compile("附件 ?[0-9一二三四五六七八九十]{0,3} ?[:.]?");
    /** Lines whose top or left edge differ by less than this (a fraction of the page) are in one row or column. */
    private static final double ALIGNED = 0.012;
    /** Paragraphs on each side that count as the hit's column when the format knows no table (a term, its definition). */
    private static final int NEIGHBOURS = 2;
    /**
     * How much of a block the conditions read around a hit, and of each block they compare: labels, cells and
     * banners are short, and a bound keeps thousands of hits on one long line linear.
     */
    static final int CONTEXT = 160;

    private final Part part;
    private final String text;
    private final NormalizedText normalized;
    private LineColumns lineColumns;
    private final List<Block> blocks;
    private final int[] starts;
    private final int[] ends;
    private final int[] pages;
    private final String[] texts;
    private final int[] rankOnPage;
    private final int[] rankInPart;
    private final int[] rankInAnnex;
    private final int[] rankFromPageEnd;
    private final Map<List<Integer>, Integer> cells = new HashMap<>();
    private final Map<String, Set<Integer>> pagesOfText = new HashMap<>();
    /** Cells by (table, row) and by (table, column); placed lines by page. */
    private final Map<List<Integer>, List<Integer>> tableRows = new HashMap<>();
    private final Map<List<Integer>, List<Integer>> tableColumns = new HashMap<>();
    private final Map<Integer, List<Integer>> placedOnPage = new HashMap<>();
    /** Non-blank blocks by page. */
    private final Map<Integer, List<Integer>> onPage = new HashMap<>();

    BlockSites(Part part, NormalizedText normalized, LineIndex lines) {
        this.part = part;
        this.text = normalized.text();
        this.normalized = normalized;
        this.blocks = part.layout();
        int n = blocks.size();
        int[] toNormalized = toNormalized(normalized);
        starts = new int[n];
        ends = new int[n];
        pages = new int[n];
        texts = new String[n];
        for (int i = 0; i < n; i++) {
            Block b = blocks.get(i);
            starts[i] = toNormalized[b.start()];
            ends[i] = Math.max(starts[i], toNormalized[b.end()]);
            pages[i] = b.page() > 0 ? b.page() : lines.page(lines.lineOf(starts[i]));
            texts[i] = text.substring(starts[i], Math.min(ends[i], starts[i] + CONTEXT)).strip();
            if (!texts[i].isEmpty()) {
                onPage.computeIfAbsent(pages[i], k -> new ArrayList<>()).add(i);
            }
            if (b.cell() != null) {
                cells.put(List.of(b.cell().table(), b.cell().row(), b.cell().column()), i);
                tableRows.computeIfAbsent(List.of(b.cell().table(), b.cell().row()), k -> new ArrayList<>()).add(i);
                tableColumns.computeIfAbsent(List.of(b.cell().table(), b.cell().column()), k -> new ArrayList<>()).add(i);
            } else if (b.box() != null && !texts[i].isEmpty()) {
                placedOnPage.computeIfAbsent(pages[i], k -> new ArrayList<>()).add(i);
            }
            if (!texts[i].isEmpty() && texts[i].length() <= 80) {
                pagesOfText.computeIfAbsent(texts[i], k -> new HashSet<>()).add(pages[i]);
            }
        }
        rankOnPage = new int[n];
        rankInPart = new int[n];
        rankInAnnex = new int[n];
        rankFromPageEnd = new int[n];
        Map<Integer, Integer> ranks = new HashMap<>();
        int inPart = 0;
        int inAnnex = -1;
        for (int i = 0; i < n; i++) {
            if (texts[i].isEmpty()) {
                continue;
            }
            rankOnPage[i] = ranks.merge(pages[i], 1, Integer::sum);
            rankInPart[i] = ++inPart;
            if (ANNEX_LABEL.matcher(texts[i]).matches()) {
                inAnnex = 0;
            } else if (inAnnex >= 0) {
                rankInAnnex[i] = ++inAnnex;
            }
        }
        Map<Integer, Integer> fromEnd = new HashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            if (!texts[i].isEmpty()) {
                rankFromPageEnd[i] = fromEnd.merge(pages[i], 1, Integer::sum);
            }
        }
    }

    private static boolean containsWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            boolean before = at == 0 || !isLatin(text.charAt(at - 1));
            boolean after = end == text.length() || !isLatin(text.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLatin(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }

    /** For each original offset, the first normalized offset that maps at or after it. */
    private static int[] toNormalized(NormalizedText normalized) {
        int[] toOriginal = normalized.toOriginal();
        int length = normalized.original().length();
        int[] map = new int[length + 1];
        int i = 0;
        for (int o = 0; o <= length; o++) {
            while (i < toOriginal.length - 1 && toOriginal[i] < o) {
                i++;
            }
            map[o] = i;
        }
        return map;
    }

    /** The site of a hit at normalized {@code [s, e)}. */
    HitSite at(int s, int e) {
        int lo = 0;
        int hi = blocks.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= s) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        int index = found >= 0 && s < Math.max(ends[found], starts[found] + 1) ? found : -1;
        return new Site(index, s, e);
    }

    private final class Site implements HitSite {
        private final int index;
        private final int s;
        private final int e;

        Site(int index, int s, int e) {
            this.index = index;
            this.s = s;
            this.e = e;
        }

        @Override
        public PartKind part() {
            return part.kind();
        }

        @Override
        public Block block() {
            return index < 0 ? null : blocks.get(index);
        }

        @Override
        public int page() {
            return index < 0 ? 0 : pages[index];
        }

        @Override
        public String hit() {
            return text.substring(s, e);
        }

        @Override
        public String blockText() {
            return index < 0 ? "" : texts[index];
        }

        @Override
        public String before() {
            return index < 0 ? "" : text.substring(Math.max(starts[index], s - CONTEXT), Math.max(starts[index], s));
        }

        @Override
        public String after() {
            return index < 0 ? "" : text.substring(Math.min(e, ends[index]), Math.min(ends[index], Math.max(e, e + CONTEXT)));
        }

        @Override
        public int rankOnPage() {
            return index < 0 ? 0 : rankOnPage[index];
        }

        @Override
        public int rankInPart() {
            return index < 0 ? 0 : rankInPart[index];
        }

        @Override
        public int rankInAnnex() {
            return index < 0 ? 0 : rankInAnnex[index];
        }

        @Override
        public int rankFromPageEnd() {
            return index < 0 ? 0 : rankFromPageEnd[index];
        }

        private Block.Cell cell() {
            return index < 0 ? null : blocks.get(index).cell();
        }

        @Override
        public String cellLeft() {
            return nearestCell(0, -1);
        }

        @Override
        public String cellAbove() {
            LineColumns.Column column = lineColumn();
            if (column != null) {
                return column.own() > 0 ? column.cells().get(column.own() - 1) : null;
            }
            return nearestCell(-1, 0);
        }

        /** For a placed line of a PDF/OFD table: the column of the hit's cell; null for other blocks. */
        private LineColumns.Column lineColumn() {
            if (index < 0 || !LineColumns.applies(blocks.get(index))) {
                return null;
            }
            if (lineColumns == null) {
                lineColumns = new LineColumns(blocks, normalized.original(), pages);
            }
            return lineColumns.column(index, lineColumns.cellAt(index, normalized.originalStart(s)));
        }

        /** The text of the first cell met stepping from the hit's cell by rows and columns, or null. */
        private String nearestCell(int rowStep, int columnStep) {
            Block.Cell c = cell();
            if (c == null) {
                return null;
            }
            for (int row = c.row() + rowStep, col = c.column() + columnStep; row >= 0 && col >= 0;
                 row += rowStep, col += columnStep) {
                Integer k = cells.get(List.of(c.table(), row, col));
                if (k != null) {
                    return texts[k];
                }
            }
            return null;
        }

        @Override
        public String columnHeader() {
            LineColumns.Column column = lineColumn();
            if (column != null) {
                return column.own() > 0 ? column.cells().get(0) : null;
            }
            Block.Cell c = cell();
            if (c == null || c.row() == 0) {
                return null;
            }
            for (int row = 0; row < c.row(); row++) {
                Integer k = cells.get(List.of(c.table(), row, c.column()));
                if (k != null && (row == 0 || blocks.get(k).cell().header())) {
                    return texts[k];
                }
            }
            return null;
        }

        @Override
        public List<String> row() {
            return around(true);
        }

        @Override
        public List<String> column() {
            return around(false);
        }

        /** The blocks of the hit's row or column: table cells, aligned lines, or the paragraphs around it. */
        private List<String> around(boolean row) {
            List<String> out = new ArrayList<>();
            if (index < 0) {
                return out;
            }
            Block self = blocks.get(index);
            LineColumns.Column column = row ? null : lineColumn();
            if (column != null && !column.cells().isEmpty()) {
                return new ArrayList<>(column.cells());
            }
            if (self.cell() != null) {
                List<Integer> same = (row ? tableRows : tableColumns).get(List.of(self.cell().table(),
                        row ? self.cell().row() : self.cell().column()));
                same.forEach(k -> out.add(texts[k]));
            } else if (self.box() != null) {
                for (int k : placedOnPage.getOrDefault(pages[index], List.of())) {
                    Block.Box b = blocks.get(k).box();
                    if (Math.abs(row ? b.top() - self.box().top() : b.left() - self.box().left()) < ALIGNED) {
                        out.add(texts[k]);
                    }
                }
            } else if (row) {
                out.add(texts[index]);
            } else {
                out.addAll(neighbours(-1));
                out.add(texts[index]);
                out.addAll(neighbours(1));
            }
            return out;
        }

        /** Up to {@link #NEIGHBOURS} non-blank paragraphs before ({@code step} -1) or after (+1) the hit's, on its page. */
        private List<String> neighbours(int step) {
            List<String> out = new ArrayList<>();
            for (int k = index + step; k >= 0 && k < blocks.size() && pages[k] == pages[index]
                    && out.size() < NEIGHBOURS; k += step) {
                if (!texts[k].isEmpty()) {
                    out.add(texts[k]);
                }
            }
            return out;
        }

        @Override
        public boolean pageHasWord(String word) {
            return index >= 0 && onPage.get(pages[index]).stream().anyMatch(k -> containsWord(texts[k], word));
        }

        @Override
        public boolean repeatedOnAnotherPage() {
            Set<Integer> on = index < 0 ? null : pagesOfText.get(texts[index]);
            return on != null && on.size() > 1;
        }
    }
}
