package org.osr.sweep.outputs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osr.review.Approval;
import org.osr.review.DocumentResult;
import org.osr.report.Messages;
import org.osr.rules.Action;
import org.osr.rules.Lang;
import org.osr.rules.RulePack;

/**
 * What a sweep leaves for people, built from its {@code manifest.jsonl}, {@code results.jsonl} and {@code sweep.json}
 * (of one folder, or several shards read as one): {@code summary.json}, {@code ledger.csv}, {@code ledger.xlsx} and
 * {@code report.html}. Everything streams: memory holds the totals, the deduplication digests and the capped list of
 * items the report's table shows, whatever the number of lines.
 */
public final class SweepOutputs {
    public static final String LEDGER_CSV = "ledger.csv";
    public static final String LEDGER_XLSX = "ledger.xlsx";
    public static final String REPORT = "report.html";
    /** Contents needing attention the report lists; the ledger and results.jsonl list them all. */
    public static final int ATTENTION_CAP = 5_000;

    private SweepOutputs() {
    }

    /**
     * @param packs the rule packs, for the rules' messages in the reader's language (a rule not among them is shown
     *              by its id)
     */
    public static SweepSummary write(List<Path> sweepDirs, Path outDir, Lang lang, List<RulePack> packs)
            throws IOException {
        return write(sweepDirs, outDir, lang, packs, ATTENTION_CAP, LedgerXlsx.MAX_ROWS);
    }

    static SweepSummary write(List<Path> sweepDirs, Path outDir, Lang lang, List<RulePack> packs, int attentionCap,
                              int rowsPerSheet) throws IOException {
        Files.createDirectories(outDir);
        List<SweepRun> runs = new ArrayList<>();
        for (Path dir : sweepDirs) {
            runs.add(SweepRun.read(dir));
        }
        SweepRun run = SweepRun.combine(runs);
        SweepTotals totals = new SweepTotals(failOn(run.failOn()));
        Attention attention = new Attention(attentionCap);
        Ledger ledger = new Ledger(lang, run.packs());
        SweepLines lines = new SweepLines();
        Map<String, List<Approval>> approvals = approvals(sweepDirs);

        Path csvTmp = outDir.resolve(LEDGER_CSV + ".tmp");
        Path xlsxTmp = outDir.resolve(LEDGER_XLSX + ".tmp");
        try (LedgerCsv csv = new LedgerCsv(csvTmp);
             LedgerXlsx xlsx = new LedgerXlsx(xlsxTmp, ledger.headers(), lang == Lang.ZH ? "台账" : "Ledger",
                     rowsPerSheet)) {
            csv.row(ledger.headers());
            long[] number = {0};
            lines.manifest(sweepDirs, line -> {
                var e = line.value();
                totals.add(e);
                attention.add(e);
                List<String> row = ledger.row(++number[0], e,
                        e.sha256() == null ? List.of() : approvals.getOrDefault(e.sha256(), List.of()));
                csv.row(row);
                xlsx.row(row);
            });
        }
        long payloads = lines.results(sweepDirs, line -> attention.add(line.value()));
        SweepSummary summary = SweepSummary.of(run, totals, payloads, lines.malformed());

        Path reportTmp = outDir.resolve(REPORT + ".tmp");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(reportTmp),
                StandardCharsets.UTF_8), 1 << 16)) {
            new HtmlReport(out, lang, Messages.of(packs)).write(run, totals, payloads, lines.malformed(), attention);
        }
        Path summaryTmp = outDir.resolve(SweepSummary.FILE + ".tmp");
        Files.writeString(summaryTmp, summary.toJson() + "\n", StandardCharsets.UTF_8);
        move(csvTmp, outDir.resolve(LEDGER_CSV));
        move(xlsxTmp, outDir.resolve(LEDGER_XLSX));
        move(reportTmp, outDir.resolve(REPORT));
        move(summaryTmp, outDir.resolve(SweepSummary.FILE));
        return summary;
    }

    /**
     * The sign-off stages recorded in the results ({@code osr review approve} on results.jsonl), by the SHA-256 they
     * apply to. Only the lines that carry approvals are parsed, so a sweep nobody signed off costs one scan of text.
     */
    static Map<String, List<Approval>> approvals(List<Path> sweepDirs) throws IOException {
        Map<String, List<Approval>> bySha = new HashMap<>();
        for (Path dir : sweepDirs) {
            JsonLines.read(dir.resolve(SweepLines.RESULTS),
                    text -> text.contains("\"approvals\"") ? DocumentResult.fromJson(text) : null,
                    r -> {
                        if (r != null) {
                            for (Approval a : r.approvals()) {
                                if (a.sha256() != null) {
                                    bySha.computeIfAbsent(a.sha256(), k -> new ArrayList<>()).add(a);
                                }
                            }
                        }
                    });
        }
        return bySha;
    }

    /** The run's {@code --fail-on}; redact (the default) when unknown; the strictest when merged shards differ. */
    static Action failOn(String failOn) {
        Action weakest = null;
        if (failOn != null) {
            for (String id : failOn.split(",")) {
                try {
                    Action a = Action.fromId(id.strip());
                    weakest = weakest == null || a.compareTo(weakest) < 0 ? a : weakest;
                } catch (IllegalArgumentException unknown) {
                    // not an action: fall back to the default below
                }
            }
        }
        return weakest == null ? Action.REDACT : weakest;
    }

    private static void move(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
