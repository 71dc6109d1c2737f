package org.osr.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.osr.judge.Verdict;
import org.osr.rules.Lang;
import org.osr.sweep.ManifestEntry;
import org.osr.sweep.Sweep;

/**
 * How a sweep shows it is alive on stderr: on a terminal a progress bar (items/s, ETA once the files are counted,
 * counts per verdict); otherwise a plain line every {@code every} items and at the end, which a log or a CI job keeps.
 */
final class SweepProgress implements Sweep.Listener, AutoCloseable {
    private final PrintStream err;
    private final Lang lang;
    private final int every;
    private final ProgressBar bar;
    private final EnumMap<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    private final long startNanos = System.nanoTime();
    private long items;
    private long resumed;
    private Thread counter;

    private SweepProgress(PrintStream err, Lang lang, int every, ProgressBar bar) {
        this.err = err;
        this.lang = lang;
        this.every = every;
        this.bar = bar;
    }

    static SweepProgress on(PrintStream err, boolean terminal, Lang lang, int every, List<String> inputs) {
        if (!terminal) {
            return new SweepProgress(err, lang, every, null);
        }
        ProgressBar bar = new ProgressBarBuilder().setTaskName("osr sweep").setInitialMax(-1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setConsumer(new ConsoleProgressBarConsumer(err, 110))
                .setUnit(" items", 1).showSpeed().setUpdateIntervalMillis(500).build();
        SweepProgress progress = new SweepProgress(err, lang, every, bar);
        progress.countInBackground(inputs);
        return progress;
    }

    /** The files under the inputs, counted on the side so the bar can give an ETA (records of archives are not). */
    private void countInBackground(List<String> inputs) {
        counter = new Thread(() -> {
            long files = 0;
            for (String input : inputs) {
                try (Stream<Path> all = Files.walk(Path.of(input))) {
                    files += all.filter(Files::isRegularFile).count();
                } catch (IOException | RuntimeException e) {
                    return;   // no ETA; the bar still counts
                }
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            synchronized (this) {
                bar.maxHint(Math.max(0, files - resumed));
            }
        }, "osr-sweep-count");
        counter.setDaemon(true);
        counter.start();
    }

    /** Items an interrupted life of this sweep listed: not counted again, and left out of the ETA. */
    @Override
    public synchronized void resumedFrom(long done) {
        resumed = done;
        if (bar != null && bar.getMax() > 0) {
            bar.maxHint(Math.max(0, bar.getMax() - done));
        }
    }

    @Override
    public synchronized void listed(ManifestEntry entry) {
        items++;
        if (entry.verdict() != null) {
            verdicts.merge(entry.verdict(), 1L, Long::sum);
        }
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(counts());
        } else if (items % every == 0) {
            err.println(line());
        }
    }

    private String counts() {
        StringBuilder s = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            long n = verdicts.getOrDefault(v, 0L);
            if (n > 0 || v == Verdict.PUBLISHABLE) {
                s.append(s.length() == 0 ? " " : ", ").append(n).append(' ').append(v.label(lang));
            }
        }
        return s.toString();
    }

    private String line() {
        double seconds = Math.max(1e-3, (System.nanoTime() - startNanos) / 1e9);
        return String.format(Locale.ROOT, "osr sweep: %d items%s, %.1f/s: %s", items,
                resumed > 0 ? " (and " + resumed + " before the interruption)" : "", items / seconds, counts());
    }

    @Override
    public synchronized void close() {
        if (counter != null) {
            counter.interrupt();
        }
        if (bar != null) {
            bar.close();
        }
    }
}
