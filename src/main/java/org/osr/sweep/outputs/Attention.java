package org.osr.sweep.outputs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osr.judge.Verdict;
import org.osr.review.DocumentResult;
import org.osr.sweep.ManifestEntry;

/**
 * The items needing attention (verdict other than publishable) the HTML report lists, grouped by payload: the first
 * {@code cap} payloads in manifest order, each with every item that served it and the findings of its result. Capped
 * so the report's memory does not grow with the archive; the ledger and results.jsonl hold the full list.
 */
final class Attention {
    static final int ITEMS_PER_PAYLOAD = 20;
    static final int FINDINGS_PER_PAYLOAD = 30;
    /** Findings and other items kept over all payloads: what bounds memory when many documents have many findings. */
    static final int FINDINGS_TOTAL = 50_000;
    static final int ITEMS_TOTAL = 50_000;

    /** One payload needing attention and where it was served. */
    static final class Payload {
        final ManifestEntry first;
        final Verdict verdict;
        final List<ManifestEntry> items = new ArrayList<>();
        long moreItems;
        final List<DocumentResult.Finding> findings = new ArrayList<>();
        long moreFindings;
        final List<DocumentResult.ProblemResult> problems = new ArrayList<>();
        boolean resultSeen;

        Payload(ManifestEntry first, Verdict verdict) {
            this.first = first;
            this.verdict = verdict;
            items.add(first);
        }
    }

    private final int cap;
    private final Map<String, Payload> payloads = new LinkedHashMap<>();
    private final Map<String, Payload> byItem = new HashMap<>();   // payloads without a hash, by path
    private long omitted;
    private int findingsKept;
    private int itemsKept;

    Attention(int cap) {
        this.cap = cap;
    }

    void add(ManifestEntry e) {
        Verdict v = SweepTotals.verdictOf(e);
        if (v == null || v == Verdict.PUBLISHABLE) {
            return;
        }
        String group = e.sha256() != null ? "sha256:" + e.sha256() : "item:" + e.key();
        Payload p = payloads.get(group);
        if (p != null) {
            if (p.items.size() < ITEMS_PER_PAYLOAD && itemsKept < ITEMS_TOTAL) {
                p.items.add(e);
                itemsKept++;
            } else {
                p.moreItems++;
            }
            return;
        }
        if (payloads.size() >= cap) {
            omitted++;
            return;
        }
        p = new Payload(e, v);
        payloads.put(group, p);
        if (e.sha256() == null && e.item() != null) {
            byItem.putIfAbsent(e.item(), p);
        }
    }

    void add(DocumentResult r) {
        Payload p = r.sha256() != null ? payloads.get("sha256:" + r.sha256()) : byItem.get(r.path());
        if (p == null || p.resultSeen) {
            return;
        }
        p.resultSeen = true;
        for (DocumentResult.Finding f : r.findings()) {
            if (f.waiver() != null) {
                continue;
            }
            if (p.findings.size() < FINDINGS_PER_PAYLOAD && findingsKept < FINDINGS_TOTAL) {
                p.findings.add(f);
                findingsKept++;
            } else {
                p.moreFindings++;
            }
        }
        if (r.coverage() != null) {
            r.coverage().problems().stream().limit(10).forEach(p.problems::add);
        }
    }

    List<Payload> payloads() {
        return List.copyOf(payloads.values());
    }

    /** Items needing attention left out of the list because it was full. */
    long omitted() {
        return omitted;
    }

    int cap() {
        return cap;
    }
}
