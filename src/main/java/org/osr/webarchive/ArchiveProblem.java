package org.osr.webarchive;

/**
 * Something wrong with a web archive that no single item can carry: the archive could not be opened, its compression
 * is corrupt, or it ends inside a record. Reading that archive (or that WARC inside a WACZ) stops there.
 *
 * @param where   the archive, or {@code archive#offset} (or {@code site.wacz!archive/data.warc.gz#offset})
 * @param code    a stable machine word: {@link #UNREADABLE}, {@link #CORRUPT} or {@link #CUT_SHORT}
 * @param message what happened, for a person
 */
public record ArchiveProblem(String where, String code, String message) {
    /** The archive could not be opened or is not a WARC/WACZ at all. */
    public static final String UNREADABLE = "unreadable-archive";
    /** A record or a compressed member could not be decoded; the rest of the archive was not read. */
    public static final String CORRUPT = "corrupt";
    /** The archive ends inside a record: the rest of it was never written or was cut off. */
    public static final String CUT_SHORT = "cut-short";
}
