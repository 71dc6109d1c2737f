package org.osr.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Throughput check, run by hand only: {@code mvn -o test -Dtest=NormalizerBench -Dbench=true}.
 * Prints chars/s; asserts nothing, because timings on shared machines are not a pass/fail signal.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class NormalizerBench {

    private static final String CJK = "根据《中华人民共和国保守国家秘密法》规定，本文件属于内部资料，严禁外传。机密★5年\n";
    private static final String ASCII = "The quick brown fox jumps over the lazy dog. Internal use only, 2024-06-01.\n";
    private static final String MIXED = "機密　★５年 內部資料 Top Secret（２０２４）第１２号 \u200B 发文单位：办公厅\r\n";

    @Test
    void throughput() {
        for (String[] sample : new String[][] {{"cjk", CJK}, {"ascii", ASCII}, {"mixed", MIXED}}) {
            String text = sample[1].repeat(8_000_000 / sample[1].length());
            long best = Long.MAX_VALUE;
            int sink = 0;
            for (int round = 0; round < 12; round++) {
                long t0 = System.nanoTime();
                sink += Normalizer.normalize(text).text().length();
                best = Math.min(best, System.nanoTime() - t0);
            }
            System.out.printf("%-6s %,d chars: %,.0f chars/s (best of 12; sink %d)%n",
                    sample[0], text.length(), text.length() / (best / 1e9), sink);
        }
    }
}
