package org.osr.sweep;

import org.osr.review.Fingerprint;
import org.osr.review.Redactor;

/**
 * What a manifest line may show of an item: personal data in a path, URL or reason masked as every report masks
 * paths, and a key that still tells items apart without spelling the masked part out (the masked path with a keyed
 * hash of the real one). The same real key always gives the same shown key, so resuming and later sweeps find it.
 */
public final class ItemNames {
    private final Redactor redactor;
    private final Fingerprint keyed;

    /** @param keyed the installation's fingerprint key: the hash cannot be reversed by trying ID numbers without it */
    public ItemNames(Redactor redactor, Fingerprint keyed) {
        this.redactor = redactor;
        this.keyed = keyed;
    }

    /** The key as the manifest stores it. */
    public String key(String key) {
        String shown = redactor.maskPath(key);
        return shown.equals(key) ? key : shown + " #" + keyed.keyedHash(key).substring(0, 16);
    }

    /** The line as written: every field that names the item masked. */
    public ManifestEntry shown(ManifestEntry e) {
        return new ManifestEntry(redactor.maskPath(e.item()), key(e.key()), e.kind(),
                e.source() == null ? null : redactor.maskPath(e.source()), e.size(), e.modified(), e.captured(),
                e.sha256(), e.status(), e.verdict(), e.categories(), e.title(),
                e.reason() == null ? null : redactor.mask(e.reason()), e.reviewedAt());
    }
}
