package org.osr.sweep;

import org.osr.source.Digests;

/**
 * {@code --shard i/N}: this machine reviews the items whose path or URL hashes to {@code i} of {@code N}, so N
 * machines share one archive without talking to each other; {@code osr sweep merge} joins their folders. The hash is
 * of the item as shown (the path as named, the URL), not of where a machine mounts it.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N, not " + index + "/" + count);
        }
    }

    /** Parses {@code i/N}. */
    public static Shard parse(String text) {
        String[] parts = text.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is i/N (e.g. 2/4), not '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is i/N with whole numbers (e.g. 2/4), not '" + text + "'");
        }
    }

    public boolean takes(String item) {
        if (count == 1) {
            return true;
        }
        String hex = Digests.sha256(item);
        long h = Long.parseUnsignedLong(hex.substring(0, 15), 16);
        return h % count == index - 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
