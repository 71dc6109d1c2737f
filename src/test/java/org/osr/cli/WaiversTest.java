package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.testkit.OfdBuilder;
import org.osr.testkit.ScannedPage;
import tools.jackson.databind.JsonNode;

/** A publishing gate's waivers: written by {@code osr waive}, on record in every report, never covering what was not read. */
class WaiversTest {
    private static final String NOTICE = "关于做好防汛工作的通知\n各区县人民政府：\n现将有关事项通知如下。\n";

    @TempDir
    Path tmp;

    private Path marked(String name) throws IOException {
        return Files.writeString(tmp.resolve(name), "秘密★1年\n" + NOTICE);
    }

    private static JsonNode onlyFinding(Run run) {
        JsonNode findings = run.json().get("documents").get(0).get("findings");
        assertThat(findings).as(run.out()).hasSize(1);
        return findings.get(0);
    }

    private Path waive(JsonNode finding, String... more) {
        Path file = tmp.resolve("waivers.yaml");
        String[] args = {"waive", finding.get("fingerprint").asString(), "--rule", finding.get("ruleId").asString(),
                "--reason", "declassified on 2026-10-01, letter 17", "--by", "Wang Fang", "--file", file.toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        Run run = osr(all);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return file;
    }

    @Test
    void aWaivedFindingStaysInTheReportWithWhoAndWhyAndNoLongerCounts() throws IOException {
        Path doc = marked("notice.txt");
        Run before = osr("scan", "--no-waivers", doc.toString());
        assertThat(before.exitCode()).isEqualTo(2);
        Path waivers = waive(onlyFinding(before));
        assertThat(Files.readString(waivers)).contains("approvedOn: \"" + LocalDate.now() + "\"")
                .contains("approvedBy: \"Wang Fang\"");

        Run after = osr("scan", "--waivers", waivers.toString(), doc.toString());
        assertThat(after.exitCode()).as(after.err()).isZero();
        JsonNode report = after.json();
        assertThat(report.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(report.get("documents").get(0).get("verdict").asString()).isEqualTo("publishable");
        JsonNode waiver = onlyFinding(after).get("waiver");
        assertThat(waiver.get("approvedBy").asString()).isEqualTo("Wang Fang");
        assertThat(waiver.get("reason").asString()).isEqualTo("declassified on 2026-10-01, letter 17");
        assertThat(waiver.get("approvedOn").asString()).isEqualTo(LocalDate.now().toString());
        assertThat(waiver.get("expires").isNull()).isTrue();
        assertThat(report.get("summary").get("gate").get("waived").asInt()).isEqualTo(1);

        Run text = osr("scan", "--format", "text", "--lang", "en", "--waivers", waivers.toString(), doc.toString());
        assertThat(text.out()).contains("[waived by Wang Fang: declassified on 2026-10-01, letter 17]")
                .contains("1 finding(s) waived");
        assertThat(text.exitCode()).isZero();
    }

    @Test
    void theCiReportsShowAWaivedFindingAsApprovedNotAsAFailure() throws Exception {
        Path doc = marked("notice.txt");
        Path waivers = waive(onlyFinding(osr("scan", "--no-waivers", doc.toString())));

        Run sarif = osr("scan", "--format", "sarif", "--waivers", waivers.toString(), doc.toString());
        JsonNode result = sarif.json().get("runs").get(0).get("results").get(0);
        JsonNode suppression = result.get("suppressions").get(0);
        assertThat(suppression.get("kind").asString()).isEqualTo("external");
        assertThat(suppression.get("justification").asString()).contains("Wang Fang")
                .contains("declassified on 2026-10-01, letter 17");

        Run junit = osr("scan", "--format", "junit", "--waivers", waivers.toString(), doc.toString());
        org.w3c.dom.Document xml = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(junit.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(xml.getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).contains("waived by Wang Fang");

        Run quality = osr("scan", "--format", "code-quality", "--waivers", waivers.toString(), doc.toString());
        JsonNode issue = tools.jackson.databind.json.JsonMapper.builder().build().readTree(quality.out()).get(0);
        assertThat(issue.get("severity").asString()).isEqualTo("info");
        assertThat(issue.get("description").asString()).contains("waived by Wang Fang");
        assertThat(quality.exitCode()).isZero();
    }

    @Test
    void noWaiversIgnoresTheFile() throws IOException {
        Path doc = marked("notice.txt");
        Path waivers = waive(onlyFinding(osr("scan", "--no-waivers", doc.toString())));
        Run run = osr("scan", "--no-waivers", doc.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(onlyFinding(run).has("waiver")).isFalse();
        assertThat(Files.exists(waivers)).isTrue();
    }

    @Test
    void anExpiredWaiverIsReportedAndTheFindingCountsAgain() throws IOException {
        Path doc = marked("notice.txt");
        JsonNode finding = onlyFinding(osr("scan", "--no-waivers", doc.toString()));
        Path waivers = Files.writeString(tmp.resolve("waivers.yaml"), """
                waivers:
                  - rule: %s
                    fingerprint: %s
                    reason: for the 2025 archive only
                    approvedBy: Li Lei
                    approvedOn: 2025-01-01
                    expires: 2025-12-31
                """.formatted(finding.get("ruleId").asString(), finding.get("fingerprint").asString()));
        Run run = osr("scan", "--waivers", waivers.toString(), doc.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(onlyFinding(run).has("waiver")).isFalse();
        assertThat(run.err()).contains(waivers + ":2:").contains("expired on 2025-12-31");
        JsonNode gate = run.json().get("summary").get("gate");
        assertThat(gate.get("waived").asInt()).isZero();
        assertThat(gate.get("expiredWaivers").get(0).asString()).contains("expired on 2025-12-31");
    }

    @Test
    void aWaiverThatMatchedNothingIsListedAndFailsTheRunOnRequest() throws IOException {
        Path clean = Files.writeString(tmp.resolve("clean.txt"), NOTICE);
        Path waivers = waive(onlyFinding(osr("scan", "--no-waivers", marked("notice.txt").toString())));
        Run run = osr("scan", "--waivers", waivers.toString(), clean.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.json().get("summary").get("gate").get("unusedWaivers").get(0).asString())
                .startsWith(waivers + ":5:5 (");
        Run strict = osr("scan", "--report-unused-waivers", "--waivers", waivers.toString(), clean.toString());
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.json().get("exitCode").asInt()).isEqualTo(1);
        assertThat(strict.json().get("summary").get("gate").get("failsRun").asBoolean()).isTrue();
    }

    @Test
    void aWaiverNeverCoversAFileThatWasNotReadCompletely() throws IOException {
        // A marking on a page that also holds an unread scan: withhold; waived, it is unreviewable, not publishable.
        Path ofd = OfdBuilder.create().title("关于做好防汛工作的通知").pageOfLines("机密★5年", "关于做好防汛工作的通知")
                .image(1, new OfdBuilder.Image(0, 60, 210, 200, ScannedPage.render())).write(tmp.resolve("scan.ofd"));
        Run before = osr("scan", "--no-waivers", ofd.toString());
        JsonNode doc = before.json().get("documents").get(0);
        assertThat(doc.get("verdict").asString()).isEqualTo("withhold");
        assertThat(doc.get("coverage").get("complete").asBoolean()).isFalse();
        Path waivers = tmp.resolve("waivers.yaml");
        for (JsonNode f : doc.get("findings")) {
            waive(f);
        }
        Files.writeString(waivers, """
                  - rule: %s
                    path: "**"
                    reason: the whole site was approved
                    approvedBy: Li Lei
                    approvedOn: 2026-01-01
                """.formatted(doc.get("findings").get(0).get("ruleId").asString()),
                java.nio.file.StandardOpenOption.APPEND);
        Run after = osr("scan", "--waivers", waivers.toString(), ofd.toString());
        JsonNode waived = after.json().get("documents").get(0);
        assertThat(waived.get("findings")).allSatisfy(f -> assertThat(f.has("waiver")).isTrue());
        assertThat(waived.get("verdict").asString()).isEqualTo("unreviewable");
        assertThat(after.exitCode()).isEqualTo(3);
    }

    @Test
    void aBadWaiverFileIsRefusedWithFileLineAndColumn() throws IOException {
        Path doc = marked("notice.txt");
        Path waivers = Files.writeString(tmp.resolve("waivers.yaml"), """
                waivers:
                  - rule: cn-marking.level-star-period
                    fingerprint: not-a-fingerprint
                    reason: ok
                    approvedBy: Li Lei
                    approvedOn: 2026-13-01
                    expries: 2027-01-01
                """);
        Run run = osr("scan", "--waivers", waivers.toString(), doc.toString());
        assertThat(run.exitCode()).isEqualTo(78);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("osr: invalid waiver file: " + waivers + ":3:18: 'fingerprint' must be 64 "
                        + "hexadecimal digits")
                .contains(waivers + ":6:17: 'approvedOn' must be a date")
                .contains(waivers + ":7:14: unknown key 'expries'");

        Files.writeString(waivers, "waivers:\n  - rule: a\n    rule: b\n");
        Run duplicate = osr("scan", "--waivers", waivers.toString(), doc.toString());
        assertThat(duplicate.exitCode()).isEqualTo(78);
        assertThat(duplicate.err()).contains(waivers + ":3:").contains("appears twice");
    }

    @Test
    void waiveRefusesWhatIsNotAFingerprintAndAnExpiryInThePast() {
        Path file = tmp.resolve("w.yaml");
        Run notHex = osr("waive", "1234", "--rule", "r", "--reason", "x", "--by", "y", "--file", file.toString());
        assertThat(notHex.exitCode()).isEqualTo(64);
        Run past = osr("waive", "a".repeat(64), "--rule", "r", "--reason", "x", "--by", "y", "--expires",
                "2020-01-01", "--file", file.toString());
        assertThat(past.exitCode()).isEqualTo(64);
        assertThat(Files.exists(file)).isFalse();
    }
}
