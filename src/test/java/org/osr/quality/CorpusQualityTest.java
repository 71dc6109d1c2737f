package org.osr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.osr.extract.TikaExtractor;
import org.osr.review.DocumentReviewer;
import org.osr.judge.Judge;
import org.osr.review.Opinion;
import org.osr.judge.Verdict;
import org.osr.match.Hit;
import org.osr.match.RuleEngine;
import org.osr.rules.Action;
import org.osr.rules.PackLoader;
import org.osr.rules.PackSources;
import org.osr.testkit.Slow;

/**
 * Reviews the whole shared real-document corpus (marked, clean and the robustness set of broken, encrypted and
 * image-only files) with the bundled packs, a 60 s deadline per file, and compares each verdict with the expectation
 * in {@code MANIFEST.tsv}. Every file must be reviewed exactly once, and nothing read incompletely may be publishable. Known misses live in {@code src/test/resources/quality/known-misses.tsv}: a
 * miss not listed there is a regression, and a listed document that now meets its expectation must be removed from
 * the list. The table goes to stdout and {@code target/quality/corpus-report.txt}. Skipped when the corpus (a sibling
 * {@code ../shared/corpus}) is absent, as in a user's clone.
 */
@Slow
class CorpusQualityTest {

    static final Path CORPUS = Path.of("../shared/corpus");
    static final Path MANIFEST = CORPUS.resolve("MANIFEST.tsv");
    static final Path KNOWN_MISSES = Path.of("src/test/resources/quality/known-misses.tsv");
    static final Path REPORT = Path.of("target/quality/corpus-report.txt");

    record Row(String path, String format, String expected) {
    }

    record Outcome(Row row, boolean met, String verdict, String detail) {
    }

    @Test
    void corpusMeetsItsExpectationsExceptTheKnownMisses() throws Exception {
        assumeTrue(Files.isRegularFile(MANIFEST), () -> "no corpus at " + MANIFEST.toAbsolutePath().normalize());

        List<Row> rows = readManifest();
        assertThat(rows).as("rows of %s with a pass/block/redact expectation", MANIFEST).isNotEmpty();
        Map<String, String> known = readKnownMisses();

        DocumentReviewer reviewer = new DocumentReviewer(new TikaExtractor(), TikaExtractor::new,
                new RuleEngine(PackSources.bundled(new PackLoader())), new Judge(Action.REDACT),
                java.time.Duration.ofSeconds(60));
        List<Outcome> outcomes = new ArrayList<>();
        for (Row row : rows) {
            outcomes.add(review(reviewer, row));
        }

        String report = report(outcomes, known);
        System.out.println(report);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, report, StandardCharsets.UTF_8);

        List<String> regressions = new ArrayList<>();
        List<String> stale = new ArrayList<>();
        for (Outcome o : outcomes) {
            boolean listed = known.containsKey(o.row().path());
            if (!o.met() && !listed) {
                regressions.add(o.row().path() + " (expected " + o.row().expected() + ", got " + o.verdict() + ": "
                        + o.detail() + ")");
            } else if (o.met() && listed) {
                stale.add(o.row().path() + " now meets its expectation (" + o.row().expected() + " -> "
                        + o.verdict() + "): remove it from known-misses.tsv");
            }
        }
        List<String> reviewed = outcomes.stream().map(o -> o.row().path()).toList();
        List<String> unknown = known.keySet().stream().filter(p -> !reviewed.contains(p))
                .map(p -> p + " is not a row of MANIFEST.tsv: remove it from known-misses.tsv")
                .toList();
        stale.addAll(unknown);

        assertThat(regressions).as("documents that miss their expectation and are not in %s (regressions)%n%s",
                KNOWN_MISSES, report).isEmpty();
        assertThat(stale).as("stale entries of %s", KNOWN_MISSES).isEmpty();
    }

    private static Outcome review(DocumentReviewer reviewer, Row row) {
        Opinion opinion;
        try {
            opinion = reviewer.review(CORPUS.resolve(row.path()), row.path());
        } catch (IOException | RuntimeException e) {
            return new Outcome(row, false, "error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        Verdict v = opinion.verdict();
        List<String> problems = opinion.document().coverage().problems().stream().map(p -> p.code()).toList();
        boolean met;
        if (v == Verdict.PUBLISHABLE && !opinion.document().coverage().complete()) {
            met = false;   // fail closed: nothing read incompletely may ever pass
        } else if (row.expected().equals("any-no-crash")) {
            met = true;    // reviewed to a verdict, within the deadline, without ending the run
        } else if (row.expected().startsWith("error:")) {
            String problem = row.expected().equals("error:no-text") ? "no-text-layer" : row.expected().substring(6);
            met = v == Verdict.UNREVIEWABLE && problems.contains(problem);
        } else if (row.expected().equals("pass")) {
            met = v == Verdict.PUBLISHABLE;
        } else if (row.expected().startsWith("block:")) {
            met = v == Verdict.WITHHOLD || v == Verdict.REFER;
        } else { // redact:*
            met = v == Verdict.REDACT || v == Verdict.REFER || v == Verdict.WITHHOLD;
        }
        return new Outcome(row, met, v.id(), detail(opinion));
    }

    private static String detail(Opinion opinion) {
        List<String> parts = new ArrayList<>();
        if (!opinion.findings().isEmpty()) {
            Map<String, Long> byRule = opinion.findings().stream()
                    .collect(Collectors.groupingBy(h -> h.rule().id() + "@" + h.part().kind().id(), TreeMap::new,
                            Collectors.counting()));
            parts.add("findings " + byRule.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue() > 1 ? " x" + e.getValue() : ""))
                    .collect(Collectors.joining(", ")));
            Hit first = opinion.findings().get(0);
            parts.add("first '" + first.originalMatch().replace('\n', ' ') + "'");
        }
        opinion.document().coverage().problems().forEach(p -> parts.add("problem " + p.code() + " ("
                + abbreviate(p.message().replace('\n', ' '), 140) + ")"));
        return parts.isEmpty() ? "no findings" : String.join("; ", parts);
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String report(List<Outcome> outcomes, Map<String, String> known) {
        StringBuilder sb = new StringBuilder("osr corpus quality report (bundled packs, ").append(MANIFEST)
                .append(")\n\n");
        sb.append(String.format("%-18s %-12s %s%n", "category", "met", "label"));
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        outcomes.stream().map(o -> o.row().expected()).distinct().sorted()
                .forEach(c -> byCategory.put(c, new ArrayList<>()));
        outcomes.forEach(o -> byCategory.get(o.row().expected()).add(o));
        int met = 0;
        for (var e : byCategory.entrySet()) {
            long n = e.getValue().stream().filter(Outcome::met).count();
            met += (int) n;
            String label = switch (e.getKey()) {
                case "pass" -> "publishable/expected";
                case "any-no-crash" -> "reviewed without a crash/expected";
                case "error:encrypted" -> "unreviewable (encrypted)/expected";
                case "error:no-text" -> "unreviewable (no-text-layer)/expected";
                default -> "flagged/expected";
            };
            sb.append(String.format("%-18s %-12s %s%n", e.getKey(), n + "/" + e.getValue().size(), label));
        }
        sb.append(String.format("%-18s %-12s%n", "total", met + "/" + outcomes.size()));

        List<Outcome> misses = outcomes.stream().filter(o -> !o.met()).toList();
        sb.append("\nmisses (").append(misses.size()).append("):\n");
        for (Outcome o : misses) {
            sb.append(String.format("  %s  [%s] expected %s, got %s: %s%s%n", o.row().path(), o.row().format(),
                    o.row().expected(), o.verdict(), o.detail(),
                    known.containsKey(o.row().path()) ? "  (known: " + known.get(o.row().path()) + ")"
                            : "  ** NOT IN known-misses.tsv **"));
        }
        return sb.toString();
    }

    private static List<Row> readManifest() throws IOException {
        List<String> lines = Files.readAllLines(MANIFEST, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split("\t", -1));
        int path = header.indexOf("path");
        int format = header.indexOf("format");
        int expected = header.indexOf("expected");
        assertThat(List.of(path, format, expected)).as("MANIFEST.tsv columns %s", header).doesNotContain(-1);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            String exp = cols[expected].strip();
            if (!exp.isEmpty()) {
                rows.add(new Row(cols[path].strip(), cols[format].strip(), exp));
            }
        }
        return rows;
    }

    /** path → reason; blank lines and lines starting with '#' are ignored; the first column header row too. */
    private static Map<String, String> readKnownMisses() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        if (!Files.isRegularFile(KNOWN_MISSES)) {
            return known;
        }
        for (String line : Files.readAllLines(KNOWN_MISSES, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("path\t")) {
                continue;
            }
            String[] cols = line.split("\t", 2);
            assertThat(known.put(cols[0].strip(), cols.length > 1 ? cols[1].strip() : ""))
                    .as("duplicate entry in %s: %s", KNOWN_MISSES, cols[0]).isNull();
        }
        return known;
    }
}
