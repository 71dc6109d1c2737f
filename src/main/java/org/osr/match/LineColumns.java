package org.osr.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osr.extract.Block;
import org.osr.normalize.Normalizer;

/**
 * Table columns of a PDF or OFD page, where a ruled table comes out as lines of cells set apart by spaces: the
 * consecutive lines of a page that split into the same number of space-separated cells form a table, and a column
 * is the cells at one index. So {@code 密级} above {@code 机密}, or a register's {@code 密级} column, is found without
 * word boxes. A cell holding a space, or an empty cell, changes the count and ends the table (a miss, never a false
 * column).
 */
final class LineColumns {
    /** Lines searched above and below the hit's line for the rest of its table. */
    private static final int REACH = 40;

    private final List<Block> blocks;
    private final String original;
    private final int[] pages;
    private final Map<Integer, List<String>> cells = new HashMap<>();
    private final Map<Integer, int[]> cellStarts = new HashMap<>();

    LineColumns(List<Block> blocks, String original, int[] pages) {
        this.blocks = blocks;
        this.original = original;
        this.pages = pages;
    }

    static boolean applies(Block block) {
        return block.kind() == Block.Kind.LINE && block.cell() == null;
    }

    /** The index of the cell of line {@code k} holding original offset {@code at}, or -1. */
    int cellAt(int k, int at) {
        cells(k);
        int[] starts = cellStarts.get(k);
        int found = -1;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= at) {
                found = i;
            }
        }
        return found;
    }

    /** The cells of line {@code k}, normalized. */
    List<String> cells(int k) {
        return cells.computeIfAbsent(k, key -> {
            Block b = blocks.get(key);
            String line = original.substring(b.start(), Math.min(b.end(), b.start() + BlockSites.CONTEXT * 2));
            List<String> out = new ArrayList<>();
            List<Integer> starts = new ArrayList<>();
            int i = 0;
            while (i < line.length()) {
                while (i < line.length() && isGap(line.charAt(i))) {
                    i++;
                }
                int start = i;
                while (i < line.length() && !isGap(line.charAt(i))) {
                    i++;
                }
                if (i > start) {
                    out.add(Normalizer.normalize(line.substring(start, i)).text());
                    starts.add(b.start() + start);
                }
            }
            cellStarts.put(key, starts.stream().mapToInt(Integer::intValue).toArray());
            return out;
        });
    }

    private static boolean isGap(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * Column {@code column} of the table line {@code k} belongs to, top to bottom, and the position of line
     * {@code k}'s own cell in it; empty when the line is not in a table of at least two lines.
     */
    Column column(int k, int column) {
        int width = cells(k).size();
        if (width < 2 || column < 0) {
            return new Column(List.of(), -1);
        }
        int top = k;
        while (top - 1 >= 0 && k - (top - 1) <= REACH && sameTable(top - 1, k, width)) {
            top--;
        }
        int bottom = k;
        while (bottom + 1 < blocks.size() && (bottom + 1) - k <= REACH && sameTable(bottom + 1, k, width)) {
            bottom++;
        }
        List<String> out = new ArrayList<>();
        for (int j = top; j <= bottom; j++) {
            out.add(cells(j).get(column));
        }
        return new Column(top == bottom ? List.of() : out, top == bottom ? -1 : k - top);
    }

    private boolean sameTable(int j, int k, int width) {
        return pages[j] == pages[k] && applies(blocks.get(j)) && cells(j).size() == width;
    }

    /** A column's cells top to bottom and where the hit's cell is among them. */
    record Column(List<String> cells, int own) {
    }
}
