package org.osr.cli;

/** Process exit codes beyond the per-document ones (0-3); see CONTRACT.md. */
final class ExitCodes {
    static final int USAGE = 64;
    static final int UNREADABLE_INPUT = org.osr.run.ScanSummary.UNREADABLE_INPUT;
    /** {@code osr record --pdf} found no font with Chinese glyphs: EX_UNAVAILABLE. */
    static final int NO_FONT = 69;
    static final int INTERNAL = 70;
    /** The report could not be written (full disk, closed output, unwritable or missing folder): EX_IOERR. */
    static final int WRITE_ERROR = 74;
    /** An approval refused: the content changed since it was reviewed, or a final stage came before a review. */
    static final int REFUSED = 77;
    static final int BAD_RULE_PACK = 78;
    /** The archive index was built by another extractor or normalizer version and must be rebuilt: EX_CONFIG. */
    static final int STALE_INDEX = 78;

    private ExitCodes() {
    }
}
