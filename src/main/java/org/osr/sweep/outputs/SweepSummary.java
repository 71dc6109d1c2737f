package org.osr.sweep.outputs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osr.judge.Verdict;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code summary.json}: the sweep's totals, counted over the manifest (every item once) and the results (every
 * payload once).
 *
 * @param items            manifest lines (items seen)
 * @param statuses         items per status
 * @param verdicts         items per verdict: each with its payload's verdict, an unreadable item unreviewable;
 *                         skipped items are in none
 * @param payloadsReviewed distinct payloads in results.jsonl
 * @param categories       items per finding category
 * @param worstVerdict     the worst verdict over the items
 * @param exitCode         what {@code osr scan} would exit with for the same documents and {@code --fail-on}
 * @param malformedLines   lines skipped because they did not parse (a partial last line of a killed sweep)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SweepSummary(String osrVersion, List<SweepRun.PackRef> packs, String startedAt, String finishedAt,
                           String failOn, List<String> inputs, String shard, long items, Map<String, Long> statuses,
                           Map<String, Long> verdicts, long payloadsReviewed, Map<String, Long> categories,
                           Verdict worstVerdict, int exitCode, long malformedLines) {
    public static final String FILE = "summary.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static SweepSummary of(SweepRun run, SweepTotals totals, long payloadsReviewed, long malformedLines) {
        Map<String, Long> verdicts = new LinkedHashMap<>();
        totals.verdicts().forEach((v, n) -> verdicts.put(v.id(), n));
        return new SweepSummary(run.osrVersion(), run.packs(), run.startedAt(), run.finishedAt(),
                totals.failOn().id(), run.inputs(), run.shard(), totals.items(), new LinkedHashMap<>(totals.statuses()),
                verdicts, payloadsReviewed, new LinkedHashMap<>(totals.categories()), totals.worst(),
                totals.exitCode(), malformedLines);
    }

    /** The line a sweep ends with: its items per verdict and per status, and where the report is. */
    public String line(org.osr.rules.Lang lang, java.nio.file.Path report) {
        boolean zh = lang == org.osr.rules.Lang.ZH;
        StringBuilder verdictCounts = new StringBuilder();
        for (Verdict v : Verdict.values()) {
            long n = verdicts.getOrDefault(v.id(), 0L);
            if (n > 0) {
                verdictCounts.append(verdictCounts.length() == 0 ? "" : zh ? "，" : ", ").append(n).append(' ')
                        .append(v.label(lang));
            }
        }
        String statusCounts = statuses.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> zh ? Ledger.statusWord(e.getKey(), lang) + " " + e.getValue()
                        : e.getValue() + " " + e.getKey())
                .collect(java.util.stream.Collectors.joining(zh ? "，" : ", "));
        return zh ? "osr sweep：" + items + " 项（" + verdictCounts + "；" + statusCounts + "）；报告：" + report
                : "osr sweep: " + items + " items (" + verdictCounts + "; " + statusCounts + "); report: " + report;
    }

    public String toJson() {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    }

    /** {@code dir/summary.json}. */
    public static SweepSummary read(java.nio.file.Path dir) throws java.io.IOException {
        return fromJson(java.nio.file.Files.readString(dir.resolve(FILE)));
    }

    public static SweepSummary fromJson(String json) {
        return MAPPER.readValue(json, SweepSummary.class);
    }
}
