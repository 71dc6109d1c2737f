package org.osr.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The files of a git repository that changed since a ref, read with the {@code git} binary (no JGit: the CI runner
 * and the developer already have git, and it reads every repository format, worktree and config git itself writes).
 *
 * <p>"Changed" is what would be published from this checkout that the ref did not have: the working tree (committed,
 * staged and unstaged changes alike) against the merge base of the ref and HEAD — the same base a merge request's
 * diff uses, so changes made on the target branch meanwhile are not scanned — plus untracked files git does not
 * ignore. Renames count under their new name; deletions are returned separately.
 */
public final class ChangedFiles {
    /** Paths relative to {@code root}, '/'-separated, sorted. */
    public record Changes(Path root, List<String> present, List<String> deleted) {
    }

    /** git is missing, this is not a repository, or the ref is unknown; the message says which, in words. */
    public static final class GitFailure extends Exception {
        GitFailure(String message) {
            super(message);
        }
    }

    private ChangedFiles() {
    }

    /** The top of the working tree containing {@code dir}, or empty outside a repository or without git. */
    public static Optional<Path> root(Path dir) {
        try {
            return Optional.of(requireRoot(dir));
        } catch (GitFailure e) {
            return Optional.empty();
        }
    }

    public static Changes since(Path dir, String ref) throws GitFailure {
        Path root = requireRoot(dir);
        if (ref.isBlank() || ref.startsWith("-")) {
            throw new GitFailure("'" + ref + "' is not a git ref");
        }
        String commit = git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", ref + "^{commit}")
                .orElseThrow(() -> new GitFailure("unknown git ref '" + ref + "' in " + root
                        + " (in CI, fetch it first, e.g. git fetch origin main, and check out with full history)"))
                .strip();
        String base = git(root, "merge-base", commit, "HEAD").orElseThrow(() -> new GitFailure(
                "'" + ref + "' and HEAD have no common history in " + root)).strip();
        String diff = git(root, "-c", "core.quotepath=off", "diff", "--name-status", "-z", "--no-color",
                "--find-renames", "--diff-filter=AMRD", base, "--").orElseThrow(() ->
                new GitFailure("git diff failed in " + root));
        TreeSet<String> present = new TreeSet<>();
        TreeSet<String> deleted = new TreeSet<>();
        List<String> fields = split(diff);
        for (int i = 0; i < fields.size(); i++) {
            String status = fields.get(i);
            if (status.startsWith("R")) {
                i++;                                    // the old name: gone, but not deleted content
            }
            String path = fields.get(++i);
            (status.startsWith("D") ? deleted : present).add(path);
        }
        String untracked = git(root, "ls-files", "--others", "--exclude-standard", "-z").orElseThrow(() ->
                new GitFailure("git ls-files failed in " + root));
        present.addAll(split(untracked));
        return new Changes(root, List.copyOf(present), List.copyOf(deleted));
    }

    private static Path requireRoot(Path dir) throws GitFailure {
        return Path.of(git(dir, "rev-parse", "--show-toplevel").orElseThrow(() -> new GitFailure(
                dir.toAbsolutePath() + " is not inside a git repository")).strip());
    }

    private static List<String> split(String nulSeparated) {
        return nulSeparated.isEmpty() ? List.of()
                : new ArrayList<>(Arrays.asList(nulSeparated.split("\0")));
    }

    /** git's standard output, or empty when git exits non-zero. */
    private static Optional<String> git(Path dir, String... args) throws GitFailure {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new GitFailure("cannot run git (" + Inputs.reason(e) + "); --changed-since needs git on the PATH");
        }
        try {
            process.getOutputStream().close();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            byte[] out = readAll(process.getInputStream());
            err.join();
            return process.waitFor() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new GitFailure("git failed: " + Inputs.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitFailure("interrupted while waiting for git");
        } finally {
            process.destroy();
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
