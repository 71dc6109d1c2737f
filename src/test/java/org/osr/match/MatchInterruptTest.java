package org.osr.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.osr.extract.Part;
import org.osr.extract.PartKind;
import org.osr.rules.PackLoader;
import org.osr.rules.RulePack;

/**
 * The per-file deadline interrupts the thread that matches; matching must then stop promptly with
 * {@link MatchInterruptedException}, leaving the interrupt flag set, however slow the rules are.
 */
class MatchInterruptTest {

    private static RuleEngine engine(String regex) throws Exception {
        String yaml = """
                pack: slow
                version: "1"
                title: slow
                rules:
                  - id: slow.regex
                    category: test
                    action: refer
                    message: slow
                    regex: '%s'
                """.formatted(regex);
        RulePack pack = new PackLoader().load("slow.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        return RuleEngine.of(pack);
    }

    @Test
    void aSlowRegexOnALongLineStopsWhenTheThreadIsInterrupted() throws Exception {
        // A modest regex (about 800 instructions), yet every char keeps about 400 regex threads alive: a line of
        // 4 M 'a' takes about a minute. Without the interrupt it would outlast the join below.
        RuleEngine engine = engine("[^z]{0,400}z");
        Part part = Part.of(PartKind.BODY, "a".repeat(4_000_000));
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagStillSet = new AtomicBoolean();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                engine.match(part);
            } catch (Throwable t) {
                thrown.set(t);
                flagStillSet.set(Thread.currentThread().isInterrupted());
            }
        }, "matcher");

        worker.start();
        started.await();
        Thread.sleep(300);   // well inside the regex: normalizing and the literal pass take milliseconds
        worker.interrupt();
        worker.join(20_000);

        assertThat(worker.isAlive()).as("matching still running after the interrupt").isFalse();
        assertThat(thrown.get()).isInstanceOf(MatchInterruptedException.class);
        assertThat(flagStillSet).as("interrupt flag left set").isTrue();
        assertThat(engine.match(Part.of(PartKind.BODY, "aaz"))).as("the engine serves the next file").hasSize(1);
    }

    @Test
    void anAlreadyInterruptedThreadDoesNotStartMatching() throws Exception {
        RuleEngine engine = engine("机密");
        try {
            Thread.currentThread().interrupt();

            assertThatThrownBy(() -> engine.match(Part.of(PartKind.BODY, "机密")))
                    .isInstanceOf(MatchInterruptedException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();   // leave the test thread clean for the next test
        }
    }

    @Test
    void matchingWithoutAnInterruptIsUnaffected() throws Exception {
        RuleEngine engine = engine("[^z]{0,400}z");

        assertThat(engine.match(Part.of(PartKind.BODY, "a".repeat(10_000) + "z"))).hasSize(1);
    }
}
