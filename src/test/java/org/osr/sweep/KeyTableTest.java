package org.osr.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyTableTest {
    @Test
    void knowsEveryMemberAndValueThroughGrowth() {
        KeyTable set = new KeyTable();
        for (int i = 0; i < 200_000; i++) {
            assertThat(set.add("key:" + i)).isTrue();
        }
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(set.add("key:" + i)).isFalse();
        }
        assertThat(set.size()).isEqualTo(200_000);

        KeyTable offsets = new KeyTable();
        for (int i = 0; i < 50_000; i++) {
            offsets.put(KeyTable.of("/archive/" + i), i * 31L);
        }
        assertThat(offsets.get(KeyTable.of("/archive/4321"))).isEqualTo(4321 * 31L);
        assertThat(offsets.get(KeyTable.of("/archive/50000"))).isEqualTo(KeyTable.ABSENT);
        String sha = "ab".repeat(32);
        offsets.put(KeyTable.ofSha256(sha), 7);
        assertThat(offsets.get(KeyTable.ofSha256(sha))).isEqualTo(7);
    }
}
