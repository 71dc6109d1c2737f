package org.osr.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.osr.judge.Verdict;
import tools.jackson.databind.json.JsonMapper;

/**
 * One line of a sweep's {@code manifest.jsonl}: every item the sweep saw, with what became of it. The ledger and the
 * summary are built from these lines alone; {@code results.jsonl} holds the findings of each reviewed payload once.
 *
 * @param item       the path as named, or the URL
 * @param key        identity across sweeps ({@link SweepItem#key()})
 * @param kind       {@link SweepItem#kind()}
 * @param source     the archive and offset of a record, else null
 * @param size       bytes (-1 when unknown)
 * @param modified   ISO-8601 instant: modification or capture time (null when unknown)
 * @param captured   ISO-8601 capture time of a record, else null
 * @param sha256     of the bytes reviewed (null when they could not be read)
 * @param status     {@link #REVIEWED}, {@link #DUPLICATE}, {@link #UNCHANGED}, {@link #ERROR} or {@link #SKIPPED}
 * @param verdict    the verdict of its payload (for a duplicate or unchanged item, the verdict its payload got);
 *                   null for a skipped item
 * @param categories the categories of the findings that count (e.g. {@code classification-marking}), sorted
 * @param title      the document's title as the result holds it (masked), else null
 * @param reason     why an item is an error or was skipped (a machine word, then a message), else null
 * @param reviewedAt ISO-8601 instant its payload was reviewed (for an unchanged item: in the earlier sweep)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManifestEntry(String item, String key, String kind, String source, long size, String modified,
                            String captured, String sha256, String status, Verdict verdict, List<String> categories,
                            String title, String reason, String reviewedAt) {
    /** Reviewed in this sweep; its result is in results.jsonl. */
    public static final String REVIEWED = "reviewed";
    /**
     * Its payload (same SHA-256) was reviewed under another item of this sweep or of the earlier sweep into the same
     * folder, or it is a revisit record of a payload reviewed here.
     */
    public static final String DUPLICATE = "duplicate";
    /** Same size and time (or same SHA-256) as in the earlier sweep into this folder, with the same packs: not re-read. */
    public static final String UNCHANGED = "unchanged";
    /** Could not be read at all (missing, no permission, a revisit whose original is not in the sweep). */
    public static final String ERROR = "error";
    /** Deliberately not reviewed (hidden, version control, older than --since is not listed at all). */
    public static final String SKIPPED = "skipped";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public ManifestEntry {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public String toJson() {
        return MAPPER.writeValueAsString(this);
    }

    public static ManifestEntry fromJson(String line) {
        return MAPPER.readValue(line, ManifestEntry.class);
    }
}
