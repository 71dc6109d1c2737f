package org.osr.sweep;

import java.util.HexFormat;
import org.osr.source.Digests;

/**
 * A map from 128-bit digests to longs in three flat arrays (24 bytes an entry): what a sweep remembers about each of
 * a million items or payloads (where its manifest or result line is) without holding their strings. Keys are the
 * first 128 bits of a SHA-256, so two different keys collide with a probability far below that of a disk error.
 * Not thread-safe.
 */
public final class KeyTable {
    static final long ABSENT = Long.MIN_VALUE;
    private long[] high;
    private long[] low;
    private long[] values;
    private boolean[] used;
    private int size;

    public KeyTable() {
        allocate(1 << 10);
    }

    /** The table key of a text (a path, a URL, a record id). */
    static Key of(String text) {
        return ofSha256(Digests.sha256(text));
    }

    /** The table key of a payload, from its SHA-256 in hex. */
    static Key ofSha256(String hex) {
        return fromDigest(HexFormat.of().parseHex(hex.substring(0, 32)));
    }

    private static Key fromDigest(byte[] d) {
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
            l = (l << 8) | (d[i + 8] & 0xff);
        }
        return new Key(h, l);
    }

    record Key(long high, long low) {
    }

    public int size() {
        return size;
    }

    /** As a set of texts: adds this one, true when it was not there yet. */
    public boolean add(String text) {
        Key key = of(text);
        if (contains(key)) {
            return false;
        }
        put(key, 0);
        return true;
    }

    boolean contains(Key key) {
        return used[slot(key)];
    }

    /** The value stored for key, or {@link #ABSENT}. */
    long get(Key key) {
        int s = slot(key);
        return used[s] ? values[s] : ABSENT;
    }

    void put(Key key, long value) {
        int s = slot(key);
        if (!used[s]) {
            used[s] = true;
            high[s] = key.high();
            low[s] = key.low();
            size++;
        }
        values[s] = value;
        if (size * 4 > used.length * 3) {
            grow();
        }
    }

    private int slot(Key key) {
        int mask = used.length - 1;
        int s = (int) (key.low() ^ (key.low() >>> 32)) & mask;
        while (used[s] && (high[s] != key.high() || low[s] != key.low())) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void grow() {
        long[] oh = high;
        long[] ol = low;
        long[] ov = values;
        boolean[] ou = used;
        allocate(ou.length * 2);
        size = 0;
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                put(new Key(oh[i], ol[i]), ov[i]);
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        values = new long[capacity];
        used = new boolean[capacity];
    }
}
