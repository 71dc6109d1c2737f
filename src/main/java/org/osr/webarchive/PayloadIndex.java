package org.osr.webarchive;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Which payload (by SHA-256) an earlier record of the archive served, looked up by a payload digest or a record ID,
 * for the revisit records that point back at it. The only state of an archive reader that grows with the archive,
 * so it is kept compact: a key is the first 64 bits of the SHA-256 of its text (a collision among a billion keys has
 * a chance of about 1 in 30), a payload 32 bytes shared by the keys of one record; 70 to 100 bytes per record with a
 * record ID and a payload digest.
 */
final class PayloadIndex {
    private static final int EMPTY = -1;
    private long[] keys = new long[1 << 10];
    private int[] slots = filled(1 << 10);
    private byte[] payloads = new byte[32 * 256];
    private int keyCount;
    private int payloadCount;

    /** Stores the payload once under every key (a record's ID, its payload digest); a key seen before moves to it. */
    void put(String sha256Hex, String... keysOfOneRecord) {
        if ((payloadCount + 1) * 32 > payloads.length) {
            payloads = Arrays.copyOf(payloads, payloads.length * 2);
        }
        int slot = payloadCount++;
        System.arraycopy(HexFormat.of().parseHex(sha256Hex), 0, payloads, slot * 32, 32);
        for (String key : keysOfOneRecord) {
            if ((keyCount + 1) * 10 >= keys.length * 7) {
                grow();
            }
            long k = hash(key);
            int i = find(keys, slots, k);
            if (slots[i] == EMPTY) {
                keys[i] = k;
                keyCount++;
            }
            slots[i] = slot;
        }
    }

    /** The SHA-256 stored under this key, or null. */
    String get(String key) {
        int i = find(keys, slots, hash(key));
        return slots[i] == EMPTY ? null
                : HexFormat.of().formatHex(payloads, slots[i] * 32, slots[i] * 32 + 32);
    }

    int size() {
        return keyCount;
    }

    private static int find(long[] keys, int[] slots, long k) {
        int mask = keys.length - 1;
        int i = (int) (k ^ (k >>> 32)) & mask;
        while (slots[i] != EMPTY && keys[i] != k) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] newKeys = new long[keys.length * 2];
        int[] newSlots = filled(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            if (slots[i] != EMPTY) {
                int j = find(newKeys, newSlots, keys[i]);
                newKeys[j] = keys[i];
                newSlots[j] = slots[i];
            }
        }
        keys = newKeys;
        slots = newSlots;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, EMPTY);
        return a;
    }

    private static long hash(String key) {
        byte[] d = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xff);
        }
        return h;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
