package org.osr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osr.testkit.GitRepo;
import tools.jackson.databind.JsonNode;

/**
 * Scanning only what changed in a real git repository (built here with the git binary): exactly which files are
 * reviewed for --changed-since, --files-from and --include/--exclude, and that everything left out is listed as
 * skipped with its reason.
 */
class ChangedFilesScanTest {
    @TempDir
    Path tmp;

    Path repo;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectory(tmp.resolve("site"));
        git("init", "-q", "-b", "main");
        write(".osrignore", "# drafts never go out\ndrafts/\n");
        write(".gitignore", "build/\n");
        for (String name : List.of("keep.html", "old-name.html", "gone.html", "edit.html", "wip.html",
                "drafts/x.html")) {
            write(name, page(name));
        }
        commit("first");
        git("tag", "base");

        git("mv", "old-name.html", "new-name.html");
        git("rm", "-q", "gone.html");
        write("edit.html", page("edited"));
        write("added.html", page("added"));
        write("drafts/y.html", page("draft"));
        write(".github/workflow.yml", "on: push\n");
        commit("second: rename, delete, edit, add");

        write("sub/deep.html", page("deep"));
        write("notes.txt", "plain notes\n");
        commit("third");

        write("wip.html", page("work in progress, not committed"));
        write("untracked.html", page("untracked"));
        write("build/out.html", page("ignored by git"));
    }

    @Test
    void changedSinceReviewsAddedModifiedRenamedUncommittedAndUntrackedFiles() {
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "--repo", repo.toString(), "--changed-since", "base");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(documents(run.json())).containsExactly("added.html", "edit.html", "new-name.html", "notes.txt",
                "sub/deep.html", "untracked.html", "wip.html");
        assertThat(skipped(run.json())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gone.html", "deleted", "drafts/y.html", "osrignore", ".github/workflow.yml", "hidden"));
        assertThat(run.json().get("summary").get("skipped").asInt()).isEqualTo(3);
    }

    @Test
    void changedSinceTheLastCommitIsOnlyTheWorkInProgress() {
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "--repo", repo.toString(), "--changed-since", "HEAD",
                "--exclude", "untracked.*");
        assertThat(documents(run.json())).containsExactly("wip.html");
        assertThat(skipped(run.json())).containsExactlyEntriesOf(Map.of("untracked.html", "excluded"));
    }

    @Test
    void filesFromReadsTheListRelativeToTheRepositoryRoot() throws IOException {
        Path list = tmp.resolve("list.txt");
        Files.writeString(list, "edit.html\n\nnew-name.html\r\ngone.html\ndrafts/x.html\n.git/config\n  \n");
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "--repo", repo.toString(), "--files-from",
                list.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(documents(run.json())).containsExactly("edit.html", "new-name.html");
        assertThat(skipped(run.json())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "gone.html", "deleted", "drafts/x.html", "osrignore", ".git/config", "vcs"));

        ScanCommandTest.Run fromStdin = ScanCommandTest.osrWithStdin("sub/deep.html\n".getBytes(StandardCharsets.UTF_8),
                "scan", "--repo", repo.toString(), "--files-from", "-");
        assertThat(documents(fromStdin.json())).containsExactly("sub/deep.html");
    }

    @Test
    void includeAndExcludeNarrowAFolderScan() {
        ScanCommandTest.Run run = ScanCommandTest.osr("scan", "--repo", repo.toString(), repo + "/",
                "--include", "*.html", "--exclude", "/sub/", "--exclude", "wip.html");
        String r = repo + "/";
        // A folder scan does not read .gitignore: ignored build output is often exactly what gets published.
        assertThat(documents(run.json())).containsExactly(r + "added.html", r + "build/out.html", r + "edit.html",
                r + "keep.html",
                r + "new-name.html", r + "untracked.html");
        Map<String, String> skipped = skipped(run.json());
        assertThat(skipped).containsEntry(r + "sub/deep.html", "excluded").containsEntry(r + "wip.html", "excluded")
                .containsEntry(r + "notes.txt", "not-included").containsEntry(r + "drafts/x.html", "osrignore")
                .containsEntry(r + "drafts/y.html", "osrignore").containsEntry(r + ".git/", "vcs");
        assertThat(skipped.keySet()).noneMatch(p -> p.startsWith(r + ".git/") && !p.equals(r + ".git/"));
    }

    @Test
    void anUnknownRefOrAFolderOutsideGitIsAUsageError() throws IOException {
        ScanCommandTest.Run unknown = ScanCommandTest.osr("scan", "--repo", repo.toString(), "--changed-since",
                "no-such-branch");
        assertThat(unknown.exitCode()).isEqualTo(64);
        assertThat(unknown.err()).contains("unknown git ref 'no-such-branch'");

        Path plain = Files.createDirectory(tmp.resolve("plain"));
        ScanCommandTest.Run outside = ScanCommandTest.osr("scan", "--repo", plain.toString(), "--changed-since",
                "main");
        assertThat(outside.exitCode()).isEqualTo(64);
        assertThat(outside.err()).contains("is not inside a git repository");

        assertThat(ScanCommandTest.osr("scan").exitCode()).isEqualTo(64);
    }

    private static List<String> documents(JsonNode report) {
        List<String> paths = new ArrayList<>();
        report.get("documents").forEach(d -> paths.add(d.get("path").asString()));
        return paths;
    }

    private static Map<String, String> skipped(JsonNode report) {
        Map<String, String> skipped = new TreeMap<>();
        report.get("inputs").get("skipped").forEach(s -> skipped.put(s.get("path").asString(),
                s.get("reason").asString()));
        return skipped;
    }

    private static String page(String text) {
        return "<html><body><p>" + text + "</p></body></html>\n";
    }

    private void write(String name, String text) throws IOException {
        Path file = repo.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void commit(String message) throws Exception {
        GitRepo.commit(repo, message);
    }

    private void git(String... args) throws Exception {
        GitRepo.git(repo, args);
    }
}
