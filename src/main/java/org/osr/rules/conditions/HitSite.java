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

    /** 1-based rank of the block among the non-blank blocks of its page (blocks on one text line share a rank). */
    int rankOnPage();

    /** 1-based rank of the block among the non-blank blocks of its part. */
    int rankInPart();

    /** 1-based rank of the block after the label that starts an annex ({@code 附件1}); 0 when not in an annex. */
    int rankInAnnex();

    /** 1-based rank of the block counted back from the last non-blank block of its page. */
    int rankFromPageEnd();

    /**
     * The text of the nearest cell to the left in the same row (a table cell, or a block placed on the same row of a
     * PDF/OFD page), or null.
     */
    String cellLeft();

    /**
     * The texts above the hit in its column, nearest first: the cells above it in its table column (the header cell
     * among them), or the blocks placed above it whose horizontal extents overlap its own.
     */
    List<String> above();

    /**
     * The texts of the blocks in the hit's row, its own included: the cells of its table row, or, for text placed
     * on a page, the blocks on the same row, left to right.
     */
    List<String> row();

    /**
     * The texts of the blocks in the hit's column, its own included: the cells of its table column; for text
     * placed on a page, the blocks above and below whose horizontal extents overlap its own; for a PDF line of
     * space-separated cells, the cells at its index in the lines around it of as many cells; otherwise the two
     * paragraphs before and after.
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
