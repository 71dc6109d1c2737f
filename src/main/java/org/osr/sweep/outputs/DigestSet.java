package org.osr.sweep.outputs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The set of strings (manifest keys, payload hashes) already seen, kept as 128-bit digests in one open-addressing
 * table: 32 bytes a member at most, so deduplicating millions of lines stays within tens of megabytes. Two different
 * strings share a digest with probability about n²/2¹²⁹: never, for any archive.
 */
final class DigestSet {
    private long[] table = new long[2 * 1024];   // pairs (high, low); (0, 0) marks an empty slot
    private int size;

    /** @return true when {@code value} was not in the set (and now is) */
    boolean add(String value) {
        long[] d = digest(value);
        if ((size + 1) * 2L > table.length / 2) {
            grow();
        }
        boolean added = insert(table, d[0], d[1]);
        if (added) {
            size++;
        }
        return added;
    }

    int size() {
        return size;
    }

    private boolean insert(long[] into, long high, long low) {
        int slots = into.length / 2;
        int i = (int) ((high ^ (high >>> 29)) & (slots - 1));
        while (into[2 * i] != 0 || into[2 * i + 1] != 0) {
            if (into[2 * i] == high && into[2 * i + 1] == low) {
                return false;
            }
            i = (i + 1) & (slots - 1);
        }
        into[2 * i] = high;
        into[2 * i + 1] = low;
        return true;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                insert(table, old[i], old[i + 1]);
            }
        }
    }

    private static long[] digest(String value) {
        byte[] d;
        try {
            d = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (d[i] & 0xff);
            low = (low << 8) | (d[8 + i] & 0xff);
        }
        if (high == 0 && low == 0) {
            low = 1;   // keeps the empty-slot marker free
        }
        return new long[] {high, low};
    }
}
