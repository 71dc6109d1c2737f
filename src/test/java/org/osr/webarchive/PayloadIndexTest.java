package org.osr.webarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadIndexTest {
    @Test
    void findsEveryPayloadItWasToldAcrossGrowth() {
        PayloadIndex index = new PayloadIndex();
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            index.put(WarcFixture.sha256(Integer.toString(i).getBytes(StandardCharsets.US_ASCII)),
                    "digest:sha1:" + i, "id:" + i);
        }

        assertThat(index.size()).isEqualTo(2 * n);
        for (int i = 0; i < n; i += 997) {
            String sha = WarcFixture.sha256(Integer.toString(i).getBytes(StandardCharsets.US_ASCII));
            assertThat(index.get("digest:sha1:" + i)).isEqualTo(sha);
            assertThat(index.get("id:" + i)).isEqualTo(sha);
        }
        assertThat(index.get("digest:sha1:unknown")).isNull();
    }

    @Test
    void theSameKeyAgainKeepsOneEntryWithTheLatestPayload() {
        PayloadIndex index = new PayloadIndex();
        String a = WarcFixture.sha256(new byte[] {1});
        String b = WarcFixture.sha256(new byte[] {2});
        index.put(a, "id:urn:uuid:1");
        index.put(b, "id:urn:uuid:1");

        assertThat(index.size()).isEqualTo(1);
        assertThat(index.get("id:urn:uuid:1")).isEqualTo(b);
    }
}
