package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osr.cli.ScanCommandTest.JSON;
import static org.osr.cli.ScanCommandTest.osr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.cli.ScanCommandTest.Run;
import org.osr.source.Digests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code osr review approve}: a sign-off stage appended to the opinion, tied to the exact content reviewed. */
class ApproveCommandTest {
    static final String MARKED = "关于做好防汛工作的通知\n秘密★1年\n联系人张三，身份证号 11010519491231002X。\n现将有关事项通知如下。\n";

    @TempDir
    Path tmp;

    /** A document and the JSON opinion {@code osr scan} wrote about it. */
    record Reviewed(Path document, Path opinion) {
    }

    static Reviewed reviewed(Path dir, String name, String text) throws IOException {
        Path doc = Files.writeString(dir.resolve(name), text);
        Path opinion = dir.resolve(name + ".opinion.json");
        Run scan = osr("scan", "-o", opinion.toString(), doc.toString());
        assertThat(scan.exitCode()).as(scan.err()).isIn(0, 1, 2);
        return new Reviewed(doc, opinion);
    }

    /** The opinion on a marked and another document, as {@code osr scan --format jsonl} writes it. */
    static Path jsonl(Path dir, Path marked, Path other) {
        Path opinion = dir.resolve("opinion.jsonl");
        Run scan = osr("scan", "--format", "jsonl", "--jobs", "1", "-o", opinion.toString(), marked.toString(),
                other.toString());
        assertThat(scan.exitCode()).as(scan.err()).isEqualTo(2);
        return opinion;
    }

    static Run approve(Path opinion, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "review";
        args[1] = "approve";
        args[2] = opinion.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return osr(args);
    }

    @Test
    void aReviewThenAFinalStageAreAppendedAndNothingElseInTheOpinionChanges() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        String original = Files.readString(r.opinion());
        JsonNode before = JSON.readTree(original);
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Run review = approve(r.opinion(), "--stage", "review", "--by", "王芳", "--decision", "withhold",
                "--note", "含密级标志");
        assertThat(review.exitCode()).as(review.err()).isZero();
        assertThat(review.out()).contains("still has the reviewed content");
        Run fin = approve(r.opinion(), "--stage", "final", "--by", "李四", "--decision", "withhold");
        assertThat(fin.exitCode()).as(fin.err()).isZero();

        JsonNode after = JSON.readTree(Files.readString(r.opinion()));
        JsonNode approvals = after.get("documents").get(0).get("approvals");
        assertThat(approvals).hasSize(2);
        JsonNode first = approvals.get(0);
        assertThat(first.get("stage").asString()).isEqualTo("review");
        assertThat(first.get("by").asString()).isEqualTo("王芳");
        assertThat(first.get("decision").asString()).isEqualTo("withhold");
        assertThat(first.get("note").asString()).isEqualTo("含密级标志");
        assertThat(first.get("sha256").asString()).isEqualTo(Digests.sha256(r.document()));
        assertThat(Instant.parse(first.get("at").asString())).isBetween(start, Instant.now());
        assertThat(approvals.get(1).get("stage").asString()).isEqualTo("final");
        assertThat(approvals.get(1).get("by").asString()).isEqualTo("李四");
        assertThat(approvals.get(1).get("note").isNull()).isTrue();

        ((ObjectNode) after.get("documents").get(0)).remove("approvals");
        assertThat(after).isEqualTo(before);
        String text = Files.readString(r.opinion());
        String withoutApprovals = text.substring(0, text.indexOf(",\n    \"approvals\"")) + "\n"
                + text.substring(text.indexOf("} ]\n", text.indexOf("\"approvals\"")) + 4);
        assertThat(withoutApprovals).as("byte for byte apart from the approvals").isEqualTo(original);
    }

    @Test
    void approvalsGivenAtTheSameTimeAreAllKept() throws Exception {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        int n = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Run>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                String by = "reviewer " + i;
                runs.add(pool.submit(() -> approve(r.opinion(), "--stage", "review", "--by", by, "--decision",
                        "withhold")));
            }
            for (var run : runs) {
                assertThat(run.get().exitCode()).as(run.get().err()).isZero();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode approvals = JSON.readTree(Files.readString(r.opinion())).get("documents").get(0).get("approvals");
        List<String> names = new java.util.ArrayList<>();
        approvals.forEach(a -> names.add(a.get("by").asString()));
        assertThat(names).containsExactlyInAnyOrder("reviewer 0", "reviewer 1", "reviewer 2", "reviewer 3",
                "reviewer 4", "reviewer 5");
    }

    @Test
    void aFinalStageBeforeAnyReviewIsRefusedAndTheOpinionIsLeftAsItWas() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        byte[] before = Files.readAllBytes(r.opinion());
        Run fin = approve(r.opinion(), "--stage", "final", "--by", "李四", "--decision", "publish");
        assertThat(fin.exitCode()).isEqualTo(77);
        assertThat(fin.err()).contains("approval refused").contains("needs a review stage first");
        assertThat(Files.readAllBytes(r.opinion())).isEqualTo(before);
    }

    @Test
    void anApprovalOfContentThatChangedSinceTheReviewIsRefused() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        byte[] before = Files.readAllBytes(r.opinion());
        Files.writeString(r.document(), MARKED.replace("秘密★1年\n", ""));
        Run changed = approve(r.opinion(), "--stage", "review", "--by", "王芳", "--decision", "publish");
        assertThat(changed.exitCode()).isEqualTo(77);
        assertThat(changed.err()).contains("has changed since it was reviewed")
                .contains(Digests.sha256(r.document())).contains("osr scan");
        assertThat(Files.readAllBytes(r.opinion())).isEqualTo(before);

        // --file names the copy that is to be published: the same bytes as reviewed pass, other bytes do not.
        Path copy = Files.writeString(tmp.resolve("copy.txt"), MARKED);
        Run same = approve(r.opinion(), "--stage", "review", "--by", "王芳", "--decision", "withhold",
                "--file", copy.toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        Run other = approve(r.opinion(), "--stage", "final", "--by", "李四", "--decision", "withhold",
                "--file", r.document().toString());
        assertThat(other.exitCode()).isEqualTo(77);
    }

    @Test
    void inJsonLinesOnlyTheNamedDocumentsLineChanges() throws IOException {
        Path a = Files.writeString(tmp.resolve("a.txt"), MARKED);
        Path b = Files.writeString(tmp.resolve("b.txt"), "关于公布2026年节假日安排的通知\n各单位：\n现将有关事项通知如下。\n");
        Path opinion = jsonl(tmp, a, b);
        List<String> before = Files.readAllLines(opinion);
        assertThat(before).hasSize(3);

        Run ambiguous = approve(opinion, "--stage", "review", "--by", "王芳", "--decision", "publish");
        assertThat(ambiguous.exitCode()).isEqualTo(64);
        assertThat(ambiguous.err()).contains("holds 2 documents").contains("--document");

        Run ok = approve(opinion, "--stage", "review", "--by", "王芳", "--decision", "publish",
                "--document", b.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        List<String> after = Files.readAllLines(opinion);
        int changed = before.get(0).contains("b.txt") ? 0 : 1;
        assertThat(after.get(1 - changed)).isEqualTo(before.get(1 - changed));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        JsonNode line = JSON.readTree(after.get(changed));
        assertThat(line.get("path").asString()).isEqualTo(b.toString());
        assertThat(line.get("approvals").get(0).get("decision").asString()).isEqualTo("publish");
        ((ObjectNode) line).remove("approvals");
        assertThat(line).isEqualTo(JSON.readTree(before.get(changed)));
    }

    @Test
    void mistakesAreUsageErrorsAndAFileThatIsNoOpinionIsNamed() throws IOException {
        Reviewed r = reviewed(tmp, "notice.txt", MARKED);
        Run stage = approve(r.opinion(), "--stage", "sign", "--by", "王芳", "--decision", "publish");
        assertThat(stage.exitCode()).isEqualTo(64);
        assertThat(stage.err()).contains("--stage must be one of review, final");
        Run decision = approve(r.opinion(), "--stage", "review", "--by", "王芳", "--decision", "ok");
        assertThat(decision.exitCode()).isEqualTo(64);
        assertThat(decision.err()).contains("publish, redact, withhold, refer");
        Run missing = approve(tmp.resolve("none.json"), "--stage", "review", "--by", "王芳", "--decision", "publish");
        assertThat(missing.exitCode()).isEqualTo(65);
        assertThat(missing.err()).contains("none.json").contains("no such file");
        Run notOpinion = approve(r.document(), "--stage", "review", "--by", "王芳", "--decision", "publish");
        assertThat(notOpinion.exitCode()).isEqualTo(65);
        assertThat(notOpinion.err()).contains("notice.txt");
    }

    @Test
    void theHelpSaysNothingIsSignedCryptographically() {
        Run help = osr("review", "approve", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("No cryptographic signing").contains("77 refused");
    }
}
