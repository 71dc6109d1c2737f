package org.osr.gate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.osr.review.DocumentResult;

/**
 * Applies the waivers of a run to each document's findings: a finding a current waiver covers is marked with it; a
 * finding only an expired waiver covers is left counting, and the expiry is reported once. Remembers which waivers
 * matched something, so the ones that matched nothing can be listed at the end.
 */
public final class Waivers {
    private final List<Waiver> waivers;
    private final LocalDate today;
    private final Consumer<String> warn;
    private final Set<Waiver> used = new LinkedHashSet<>();
    private final Set<Waiver> expired = new LinkedHashSet<>();
    private int waived;

    /** @param warn where an expired waiver is reported as soon as it is met (stderr) */
    public Waivers(List<Waiver> waivers, LocalDate today, Consumer<String> warn) {
        this.waivers = List.copyOf(waivers);
        this.today = today;
        this.warn = warn;
    }

    public static Waivers none() {
        return new Waivers(List.of(), LocalDate.now(), m -> { });
    }

    /** The findings with their waivers attached; the caller re-judges the document on the unwaived ones. */
    List<DocumentResult.Finding> mark(DocumentResult document, List<DocumentResult.Finding> findings) {
        List<DocumentResult.Finding> marked = new ArrayList<>(findings.size());
        for (DocumentResult.Finding f : findings) {
            Waiver current = null;
            for (Waiver w : waivers) {
                if (!w.covers(document, f)) {
                    continue;
                }
                used.add(w);
                if (!w.expiredOn(today)) {
                    current = current == null ? w : current;
                } else if (expired.add(w)) {
                    warn.accept("waiver " + w.describe() + " expired on " + w.expires() + "; the finding in "
                            + document.path() + " counts again");
                }
            }
            if (current != null) {
                waived++;
                marked.add(f.waived(current.shown()));
            } else {
                marked.add(f);
            }
        }
        return marked;
    }

    int waived() {
        return waived;
    }

    /** Waivers that matched no finding in this run. */
    List<Waiver> unused() {
        return waivers.stream().filter(w -> !used.contains(w)).toList();
    }

    List<Waiver> expired() {
        return List.copyOf(expired);
    }
}
