package org.osr.sweep;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One thing a sweep reviews and lists in its manifest and ledger: a file, or a record of a web archive.
 *
 * @param key       its identity from one sweep to the next: the file's absolute normalized path, or the record's
 *                  {@code WARC-Record-ID}
 * @param item      what people see: the path as the user named it, or the URL the archive captured
 * @param kind      {@link #FILE}, {@link #RESPONSE}, {@link #RESOURCE} or {@link #REVISIT}
 * @param file      where its bytes can be read (for a record, the payload copied to a private temporary file);
 *                  null for a revisit record, which carries no payload
 * @param temporary the file is a copy osr made and removes once the item is reviewed
 * @param size      bytes of the file or payload
 * @param modified  the file's modification time, or the capture time of a record
 * @param captured  the capture time ({@code WARC-Date}) of a record; null for a file
 * @param sha256    the payload's SHA-256 when the source already computed it (records), else null
 * @param source    where a record was found: {@code archive.warc.gz#offset} (or {@code site.wacz!archive/data.warc.gz#offset});
 *                  null for a file
 * @param revisitOf for a revisit record: the SHA-256 of the payload it repeats when an earlier record of the
 *                  same archive served it, else null (the original capture is not in this sweep)
 * @param incomplete why the payload is incomplete (a truncated capture, a body shorter than declared, an encoding
 *                  that could not be decoded, an archive that ends inside the record), null when whole: such an
 *                  item must not be reviewed as if it were the document that was published
 */
public record SweepItem(String key, String item, String kind, Path file, boolean temporary, long size,
                        Instant modified, Instant captured, String sha256, String source, String revisitOf,
                        String incomplete) {
    public static final String FILE = "file";
    public static final String RESPONSE = "response";
    public static final String RESOURCE = "resource";
    public static final String REVISIT = "revisit";

    /** An item whose payload is whole. */
    public SweepItem(String key, String item, String kind, Path file, boolean temporary, long size,
                     Instant modified, Instant captured, String sha256, String source, String revisitOf) {
        this(key, item, kind, file, temporary, size, modified, captured, sha256, source, revisitOf, null);
    }

    public static SweepItem file(String key, String item, Path file, long size, Instant modified) {
        return new SweepItem(key, item, FILE, file, false, size, modified, null, null, null, null);
    }
}
