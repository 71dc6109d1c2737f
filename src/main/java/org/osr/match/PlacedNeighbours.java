package org.osr.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osr.extract.Block;

/**
 * Neighbours by position on a PDF or OFD page, where a table's cells are placed text, not table cells: the block
 * to the left on the same row, and the blocks above and below in the same column (their horizontal extents overlap),
 * walked one nearest block at a time while the vertical gap stays below {@link #MAX_GAP} of the page (a wrapped cell
 * beside the column can open a gap of a few lines).
 */
final class PlacedNeighbours {
    static final double MAX_GAP = 0.15;
    private final List<Block> blocks;
    private final int[] pages;
    private final String[] texts;
    private final Map<Integer, List<Integer>> onPage = new HashMap<>();

    PlacedNeighbours(List<Block> blocks, int[] pages, String[] texts) {
        this.blocks = blocks;
        this.pages = pages;
        this.texts = texts;
        for (int k = 0; k < blocks.size(); k++) {
            Block.Box b = blocks.get(k).box();
            if (b != null && b.rotation() == 0 && !texts[k].isEmpty()) {
                onPage.computeIfAbsent(pages[k], p -> new ArrayList<>()).add(k);
            }
        }
    }

    static boolean applies(Block block) {
        return block.box() != null && block.box().rotation() == 0 && block.cell() == null;
    }

    /** The text of the nearest block to the left on the same row, or null. */
    String left(int k) {
        Block.Box self = blocks.get(k).box();
        int best = -1;
        for (int j : onPage.getOrDefault(pages[k], List.of())) {
            Block.Box b = blocks.get(j).box();
            if (j != k && b.right() <= self.left() + 1e-3 && sameRow(b, self)
                    && (best < 0 || b.right() > blocks.get(best).box().right())) {
                best = j;
            }
        }
        return best < 0 ? null : texts[best];
    }

    /** The texts of the blocks on block {@code k}'s row, left to right, its own included. */
    List<String> row(int k) {
        Block.Box self = blocks.get(k).box();
        List<Integer> row = new ArrayList<>();
        for (int j : onPage.getOrDefault(pages[k], List.of())) {
            if (j == k || sameRow(blocks.get(j).box(), self)) {
                row.add(j);
            }
        }
        row.sort((a, b) -> Double.compare(blocks.get(a).box().left(), blocks.get(b).box().left()));
        List<String> out = new ArrayList<>();
        row.forEach(j -> out.add(texts[j]));
        return out;
    }

    /** The texts of the column above block {@code k} (step -1, nearest first) or below it (step +1). */
    List<String> column(int k, int step) {
        List<String> out = new ArrayList<>();
        int at = k;
        for (int guard = 0; guard < 200; guard++) {
            int next = nearest(at, step);
            if (next < 0) {
                break;
            }
            out.add(texts[next]);
            at = next;
        }
        return out;
    }

    private int nearest(int k, int step) {
        Block.Box self = blocks.get(k).box();
        int best = -1;
        double bestGap = MAX_GAP;
        for (int j : onPage.getOrDefault(pages[k], List.of())) {
            Block.Box b = blocks.get(j).box();
            double gap = step < 0 ? self.top() - b.bottom() : b.top() - self.bottom();
            if (j != k && gap >= -1e-3 && gap < bestGap && overlapsHorizontally(b, self)) {
                best = j;
                bestGap = gap;
            }
        }
        return best;
    }

    private static boolean sameRow(Block.Box a, Block.Box b) {
        double overlap = Math.min(a.bottom(), b.bottom()) - Math.max(a.top(), b.top());
        return overlap > 0.5 * Math.min(a.bottom() - a.top(), b.bottom() - b.top());
    }

    private static boolean overlapsHorizontally(Block.Box a, Block.Box b) {
        double overlap = Math.min(a.right(), b.right()) - Math.max(a.left(), b.left());
        return overlap > 0.3 * Math.min(a.right() - a.left(), b.right() - b.left());
    }
}
