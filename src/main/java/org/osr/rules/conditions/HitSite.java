package org.osr.rules.conditions;

import java.util.List;
import org.osr.extract.Block;
import org.osr.extract.PartKind;

/**
 * What a layout condition may ask about one candidate hit: its part, its block and where that block sits (page,
 * rank, table neighbours, box). Every text is normalized (as rules see text) and stripped of surrounding
 * whitespace. Answers are worked out once per part and block, so conditions stay cheap on documents with many hits.
 */
public interface HitSite {
    PartKind part();

    /** The block holding the hit's start; null when the hit lies outside every block (a separator). */
    Block block();

    /** The hit's page: the block's own page, or the part's page count before it. */
    int page();

    String hit();

    /** The block's text (its first 160 characters: labels, cells and banners are short); empty when there is no block. */
    String blockText();

    /** The block's text before the hit, up to 160 characters. */
    String before();

    /** The block's text after the hit, up to 160 characters. */
    String after();

    /** 1-based rank of the block among the non-blank blocks of its page. */
    int rankOnPage();

    /** 1-based rank of the block among the non-blank blocks of its part. */
    int rankInPart();

    /** 1-based rank of the block after the label that starts an annex ({@code 附件1}); 0 when not in an annex. */
    int rankInAnnex();

    /** 1-based rank of the block counted back from the last non-blank block of its page. */
    int rankFromPageEnd();

    /** The text of the nearest cell to the left in the same row, or null (not a cell, first column). */
    String cellLeft();

    /** The text of the nearest cell above in the same column, or null. */
    String cellAbove();

    /** The text of the column's header cell (a header cell, or the first row), or null. */
    String columnHeader();

    /**
     * The texts of the blocks in the hit's row, its own included: the cells of its table row, or, for lines
     * placed on a page, the lines at the same height.
     */
    List<String> row();

    /**
     * The texts of the blocks in the hit's column, its own included: the cells of its table column; for lines
     * placed on a page, the lines starting at the same left edge; otherwise the two paragraphs before and after.
     */
    List<String> column();

    /** Whether a block with the same text is on another page of the part. */
    boolean repeatedOnAnotherPage();

    /**
     * Whether a block of the hit's page holds the (normalized) word, not as part of a longer Latin word: the
     * first 160 characters of each block are read.
     */
    boolean pageHasWord(String word);
}
