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
    private PlacedNeighbours placedNeighbours;
    private final LineIndex lines;
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
    /** Cells by (table, row) and by (table, column). */
    private final Map<List<Integer>, List<Integer>> tableRows = new HashMap<>();
    private final Map<List<Integer>, List<Integer>> tableColumns = new HashMap<>();
    /** Non-blank blocks by page. */
    private final Map<Integer, List<Integer>> onPage = new HashMap<>();

    BlockSites(Part part, NormalizedText normalized, LineIndex lines) {
        this.part = part;
        this.text = normalized.text();
        this.normalized = normalized;
        this.lines = lines;
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
            }
            if (!texts[i].isEmpty() && texts[i].length() <= 80) {
                pagesOfText.computeIfAbsent(texts[i], k -> new HashSet<>()).add(pages[i]);
            }
        }
        rankOnPage = new int[n];
        rankInPart = new int[n];
        rankInAnnex = new int[n];
        rankFromPageEnd = new int[n];
        // Blocks that share a text line (the cells of a PDF table row) share a rank: ranks count lines of blocks.
        Map<Integer, Integer> ranks = new HashMap<>();
        int inPart = 0;
        int inAnnex = -1;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            if (texts[i].isEmpty()) {
                continue;
            }
            boolean sameLine = previous >= 0 && pages[previous] == pages[i] && onOneLine(ends[previous], starts[i]);
            if (sameLine) {
                rankOnPage[i] = rankOnPage[previous];
                rankInPart[i] = rankInPart[previous];
                rankInAnnex[i] = rankInAnnex[previous];
            } else {
                rankOnPage[i] = ranks.merge(pages[i], 1, Integer::sum);
                rankInPart[i] = ++inPart;
                if (ANNEX_LABEL.matcher(texts[i]).matches()) {
                    inAnnex = 0;
                } else if (inAnnex >= 0) {
                    rankInAnnex[i] = ++inAnnex;
                }
            }
            previous = i;
        }
        Map<Integer, Integer> fromEnd = new HashMap<>();
        int next = -1;
        for (int i = n - 1; i >= 0; i--) {
            if (!texts[i].isEmpty()) {
                rankFromPageEnd[i] = next >= 0 && pages[next] == pages[i] && onOneLine(ends[i], starts[next])
                        ? rankFromPageEnd[next] : fromEnd.merge(pages[i], 1, Integer::sum);
                next = i;
            }
        }
    }

    /** Whether no line or page break lies between normalized offsets {@code from} and {@code to}. */
    private boolean onOneLine(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\f') {
                return false;
            }
        }
        return true;
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
            return index < 0 || rankOnPage[index] == 0 ? 0 : rankOnPage[index] + linesBefore();
        }

        @Override
        public int rankInPart() {
            return index < 0 || rankInPart[index] == 0 ? 0 : rankInPart[index] + linesBefore();
        }

        @Override
        public int rankInAnnex() {
            return index < 0 || rankInAnnex[index] == 0 ? 0 : rankInAnnex[index] + linesBefore();
        }

        @Override
        public int rankFromPageEnd() {
            return index < 0 || rankFromPageEnd[index] == 0 ? 0 : rankFromPageEnd[index] + linesAfter();
        }

        /**
         * Non-blank lines of the hit's block before the hit's line: a block of many lines (a paragraph with line
         * breaks, a whole text file Tika wrapped in one paragraph) is only "first" at its first line.
         */
        private int linesBefore() {
            int first = lines.lineOf(starts[index]);
            int hit = lines.lineOf(s);
            return hit == first ? 0 : Math.max(0, lines.rank(hit) - lines.rank(first));
        }

        /** Non-blank lines of the hit's block after the hit's line. */
        private int linesAfter() {
            int last = lines.lineOf(Math.max(starts[index], ends[index] - 1));
            int hit = lines.lineOf(Math.max(s, e - 1));
            return hit == last ? 0 : Math.max(0, lines.rank(last) - lines.rank(hit));
        }

        private Block.Cell cell() {
            return index < 0 ? null : blocks.get(index).cell();
        }

        @Override
        public String cellLeft() {
            if (index >= 0 && PlacedNeighbours.applies(blocks.get(index))) {
                return placed().left(index);
            }
            Block.Cell c = cell();
            for (int col = c == null ? -1 : c.column() - 1; col >= 0; col--) {
                Integer k = cells.get(List.of(c.table(), c.row(), col));
                if (k != null) {
                    return texts[k];
                }
            }
            return null;
        }

        @Override
        public List<String> above() {
            List<String> out = new ArrayList<>();
            if (index < 0) {
                return out;
            }
            Block.Cell c = cell();
            if (c != null) {
                for (int row = c.row() - 1; row >= 0; row--) {
                    Integer k = cells.get(List.of(c.table(), row, c.column()));
                    if (k != null) {
                        out.add(texts[k]);
                    }
                }
            } else if (PlacedNeighbours.applies(blocks.get(index))) {
                out.addAll(placed().column(index, -1));
            } else {
                LineColumns.Column column = lineColumn();
                if (column != null && column.own() > 0) {
                    for (int j = column.own() - 1; j >= 0; j--) {
                        out.add(column.cells().get(j));
                    }
                }
            }
            return out;
        }

        /** For a line of a PDF/OFD table split into cells by spaces: the column of the hit's cell; else null. */
        private LineColumns.Column lineColumn() {
            if (index < 0 || !LineColumns.applies(blocks.get(index))) {
                return null;
            }
            if (lineColumns == null) {
                lineColumns = new LineColumns(blocks, normalized.original(), pages);
            }
            return lineColumns.column(index, lineColumns.cellAt(index, normalized.originalStart(s)));
        }

        private PlacedNeighbours placed() {
            if (placedNeighbours == null) {
                placedNeighbours = new PlacedNeighbours(blocks, pages, texts);
            }
            return placedNeighbours;
        }

        @Override
        public List<String> row() {
            return around(true);
        }

        @Override
        public List<String> column() {
            return around(false);
        }

        /** The blocks of the hit's row or column: table cells, placed text, split lines, or the paragraphs around it. */
        private List<String> around(boolean row) {
            List<String> out = new ArrayList<>();
            if (index < 0) {
                return out;
            }
            Block self = blocks.get(index);
            if (self.cell() != null) {
                List<Integer> same = (row ? tableRows : tableColumns).get(List.of(self.cell().table(),
                        row ? self.cell().row() : self.cell().column()));
                same.forEach(k -> out.add(texts[k]));
                return out;
            }
            if (PlacedNeighbours.applies(self)) {
                if (row) {
                    return placed().row(index);
                }
                List<String> up = placed().column(index, -1);
                for (int j = up.size() - 1; j >= 0; j--) {
                    out.add(up.get(j));
                }
                out.add(texts[index]);
                out.addAll(placed().column(index, 1));
                return out;
            }
            LineColumns.Column column = row ? null : lineColumn();
            if (column != null && !column.cells().isEmpty()) {
                return new ArrayList<>(column.cells());
            }
            if (row) {
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
