package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.GitRepo;
import org.osr.testkit.Programs;

/**
 * Every {@code osr scan} line the CI examples in docs/ci tell a team to copy runs as written: in a real git
 * repository with a base commit, its options parse, its selection is accepted, and it writes its report.
 */
class CiCommandLinesTest {
    private static final Pattern SCAN = Pattern.compile("osr\"? (scan .*?)(?:\\s*\\|\\|.*)?$");
    private static final Pattern TOKEN = Pattern.compile("\"([^\"]*)\"|'([^']*)'|(\\S+)");

    @TempDir
    Path tmp;

    private Path repo;

    @TestFactory
    Stream<DynamicTest> everyDocumentedScanLineRuns() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : List.of(Path.of("docs/ci/github-actions.yml"), Path.of("docs/ci/gitlab-ci.yml"),
                Path.of("docs/ci/Jenkinsfile"))) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = SCAN.matcher(lines.get(i).strip());
                if (m.find()) {
                    String line = m.group(1);
                    tests.add(DynamicTest.dynamicTest(file.getFileName() + ":" + (i + 1), () -> run(line)));
                }
            }
        }
        assertThat(tests).as("the CI examples run osr scan").hasSizeGreaterThanOrEqualTo(3);
        return tests.stream();
    }

    private void run(String line) throws Exception {
        assumeTrue(Programs.onPath("git"), "git missing");
        repo = Files.createTempDirectory(tmp, "repo");
        Files.writeString(repo.resolve("old.txt"), "关于做好防汛工作的通知\n", StandardCharsets.UTF_8);
        git("init", "-q");
        commit("base");
        Files.writeString(repo.resolve("notice.txt"), "秘密★1年\n关于做好防汛工作的通知\n", StandardCharsets.UTF_8);
        commit("a marked notice");
        List<String> args = new ArrayList<>();
        Path report = null;
        Matcher t = TOKEN.matcher(line);
        while (t.find()) {
            String token = t.group(1) != null ? t.group(1) : t.group(2) != null ? t.group(2) : t.group(3);
            if (token.contains("$")) {
                token = "HEAD~1";   // the pipeline's base ref ($BASE, origin/${{ github.base_ref }}, env.CHANGE_TARGET)
            }
            if (!args.isEmpty() && (args.get(args.size() - 1).equals("-o")
                    || args.get(args.size() - 1).equals("--output"))) {
                report = repo.resolve(token);
                token = report.toString();
            }
            args.add(token);
        }
        args.add(1, "--repo");
        args.add(2, repo.toString());
        ScanCommandTest.Run run = ScanCommandTest.osr(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("%s%n%s", args, run.err()).isEqualTo(2);   // the marked notice is withheld
        if (report != null) {
            assertThat(Files.readString(report)).as("report of %s", args).contains("notice.txt")
                    .doesNotContain("old.txt");
        }
    }

    private void commit(String message) throws Exception {
        GitRepo.commit(repo, message);
    }

    private void git(String... args) throws Exception {
        GitRepo.git(repo, args);
    }
}
