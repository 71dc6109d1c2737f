package org.osr.testkit;

import java.util.Arrays;

/** Damages real files the way copies and downloads that stopped part-way do. */
public final class Damage {
    private Damage() {
    }

    /** The first {@code fraction} of the bytes, as a copy or download that stopped. */
    public static byte[] cut(byte[] bytes, double fraction) {
        return Arrays.copyOf(bytes, (int) (bytes.length * fraction));
    }

    public static byte[] withoutLast(byte[] bytes, int count) {
        return Arrays.copyOf(bytes, bytes.length - count);
    }
}
