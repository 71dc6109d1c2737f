package org.osr.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The jar skips the schema check for its own packs to start faster; this test is that check. Every bundled pack,
 * read from rules/ exactly as a user pack would be, must pass the schema and compile.
 */
class BundledPacksTest {
    @Test
    void everyBundledPackPassesTheSchemaAsAUserPackWould() throws Exception {
        PackLoader loader = new PackLoader();
        for (String name : PackSources.BUNDLED) {
            RulePack pack = loader.load(Path.of("rules", name));
            assertThat(pack.rules()).as(name).isNotEmpty();
            // What `sha256sum rules/<pack>` prints, so a reviewer can check the report names the pack they read.
            assertThat(pack.sha256()).as(name).isEqualTo(HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of("rules", name)))));
        }
    }
}
