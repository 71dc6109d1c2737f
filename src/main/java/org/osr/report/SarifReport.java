package org.osr.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osr.review.DocumentResult;
import org.osr.rules.Example;
import org.osr.rules.Lang;
import org.osr.rules.Rule;
import org.osr.run.ScanSummary;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning reads it. One result per finding and one per file osr
 * could not read completely; results beyond {@value #MAX_RESULTS} (GitHub takes 5,000 per run) are left out, most
 * serious kept, and the log says so.
 */
final class SarifReport extends CiReport {
    static final int MAX_RESULTS = 4_500;
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    SarifReport(Reports.Context context) {
        super(context);
    }

    @Override
    String render(ScanSummary s, List<Entry> entries) {
        List<CiIssue> issues = issues(entries);
        List<CiIssue> kept = issues.size() <= MAX_RESULTS ? issues
                : issues.stream().sorted(Comparator.comparingInt(CiIssue::rank)).limit(MAX_RESULTS).toList();

        ObjectNode log = JsonReport.MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "osr");
        driver.put("version", context.toolVersion());
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode results = run.putArray("results");
        for (CiIssue issue : kept) {
            Integer index = ruleIndex.get(issue.ruleId());
            if (index == null) {
                index = ruleIndex.size();
                ruleIndex.put(issue.ruleId(), index);
                rule(rules.addObject(), issue);
            }
            result(results.addObject(), issue, index);
        }
        ObjectNode invocation = run.putArray("invocations").addObject();
        invocation.put("executionSuccessful", true);
        invocation.put("exitCode", s.exitCode());
        ObjectNode properties = run.putObject("properties");
        properties.put("verdict", s.verdict().id());
        properties.put("documents", s.documents());
        properties.put("results", issues.size());
        if (kept.size() < issues.size()) {
            String note = "osr found " + issues.size() + " results; this log holds the " + kept.size()
                    + " most serious (unreviewable files, then withhold, refer, redact, note), because GitHub code "
                    + "scanning takes at most 5000 results per run. Run osr with --format json for all of them.";
            properties.put("resultsCapped", true);
            properties.put("resultsShown", kept.size());
            properties.put("note", note);
            ObjectNode notification = invocation.putArray("toolExecutionNotifications").addObject();
            notification.put("level", "warning");
            notification.putObject("message").put("text", note);
        }
        return JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(log);
    }

    private void rule(ObjectNode node, CiIssue issue) {
        Lang lang = context.lang();
        node.put("id", issue.ruleId());
        ObjectNode properties;
        if (issue.unreviewable()) {
            String text = lang == Lang.ZH ? "文件未能完整读取，未读部分可能含有任何内容，须人工审查"
                    : "The file could not be read completely; what was not read may hold anything: review it by hand";
            node.putObject("shortDescription").put("text", lang == Lang.ZH ? "无法审查的文件" : "Unreviewable file");
            node.putObject("fullDescription").put("text", text);
            ObjectNode help = node.putObject("help");
            String stop = lang == Lang.ZH ? "。" : ".";
            help.put("text", text + stop);
            help.put("markdown", "**" + text + stop + "** " + (lang == Lang.ZH ? "osr 从不静默跳过未读内容。"
                    : "osr never skips what it could not read silently."));
            node.putObject("defaultConfiguration").put("level", "error");
            properties = node.putObject("properties");
            properties.put("security-severity", securitySeverity(CiIssue.UNREVIEWABLE));
            properties.putArray("tags").add("security").add("coverage").add(CiIssue.UNREVIEWABLE);
            return;
        }
        DocumentResult.Finding f = issue.finding();
        String message = context.messages().message(f.pack(), f.ruleId(), lang);
        String basis = context.messages().basis(f.pack());
        String example = example(context.messages().rule(f.pack(), f.ruleId()));
        node.putObject("shortDescription").put("text", message);
        node.putObject("fullDescription").put("text", message + " (" + f.pack() + ", " + f.category() + ", "
                + f.action() + ")");
        String label = lang == Lang.ZH ? "依据" : "Basis";
        String exampleLabel = lang == Lang.ZH ? "示例" : "Example";
        ObjectNode help = node.putObject("help");
        help.put("text", message + (basis == null ? "" : "\n" + label + ": " + basis)
                + (example == null ? "" : "\n" + exampleLabel + ": " + example));
        help.put("markdown", "**" + markdown(message) + "**" + (basis == null ? "" : "\n\n" + label + ": "
                + markdown(basis)) + (example == null ? "" : "\n\n" + exampleLabel + ":\n\n    "
                + example.replace("\n", "\n    ")));
        node.putObject("defaultConfiguration").put("level", level(f.action()));
        properties = node.putObject("properties");
        properties.put("security-severity", securitySeverity(f.action()));
        properties.putArray("tags").add("security").add(f.category()).add(f.action());
        properties.put("pack", f.pack());
    }

    private void result(ObjectNode node, CiIssue issue, int ruleIndex) {
        node.put("ruleId", issue.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(issue.action()));
        node.putObject("message").put("text", issue.message());
        ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(issue.path()));
        physical.putObject("region").put("startLine", issue.startLine());
        node.putObject("partialFingerprints").put("primaryLocationLineHash", issue.fingerprint());
        if (issue.waived()) {
            // GitHub shows a suppressed result as dismissed, with the justification: the approval is on record.
            ObjectNode suppression = node.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", issue.waiverNote());
        }
        ObjectNode properties = node.putObject("properties");
        properties.put("action", issue.action());
        DocumentResult.Finding f = issue.finding();
        if (f != null) {
            DocumentResult.Location l = f.location();
            properties.put("part", l.part());
            if (l.page() != null) {
                properties.put("page", l.page());
            }
            properties.put("line", l.line());
            if (l.embeddedPath() != null) {
                properties.put("embeddedPath", l.embeddedPath());
            }
            properties.put("context", f.context());
        }
    }

    /** The example a reader learns the rule from, masked like {@code osr rules} shows it; null when it has none. */
    private String example(Rule rule) {
        if (rule == null || rule.matchExamples().isEmpty()) {
            return null;
        }
        Example e = rule.matchExamples().get(0);
        var redactor = context.masking().plain();
        return rule.mask() ? redactor.maskNumbers(e.text()) : redactor.mask(e.text());
    }

    static String level(String action) {
        return switch (action) {
            case CiIssue.UNREVIEWABLE, "withhold" -> "error";
            case "refer", "redact" -> "warning";
            default -> "note";
        };
    }

    /** GitHub's scale: 9.0 and above critical, 7.0 high, 4.0 medium, below low. */
    static String securitySeverity(String action) {
        return switch (action) {
            case CiIssue.UNREVIEWABLE, "withhold" -> "9.0";
            case "refer" -> "7.0";
            case "redact" -> "5.0";
            default -> "2.0";
        };
    }

    private static String markdown(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
    }

    /** A relative URI reference: each segment percent-encoded (spaces, {@code #}, {@code %}, non-ASCII). */
    static String uri(String path) {
        if (path.startsWith("/")) {
            return Path.of(path).toUri().toASCIIString();
        }
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return URI.create(sb.toString()).toASCIIString();
    }
}
