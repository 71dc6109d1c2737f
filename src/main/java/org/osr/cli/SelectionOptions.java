package org.osr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osr.source.ChangedFiles;
import org.osr.source.Inputs;
import org.osr.source.Scratch;
import org.osr.source.Selection;
import picocli.CommandLine.Option;

/** Which files a scan reviews: the PATHs given, or the files changed since a git ref, or a list; then the globs. */
final class SelectionOptions {
    @Option(names = "--changed-since", paramLabel = "REF",
            description = "Review the files added, modified or renamed since the git ref REF (its merge base with "
                    + "HEAD), committed or not, plus untracked files; deleted files are listed as skipped.")
    String changedSince;

    @Option(names = "--files-from", paramLabel = "FILE",
            description = "Review the paths listed in FILE ('-': standard input), one a line, relative to the "
                    + "repository root like git's output; blank lines are ignored and paths that no longer exist are "
                    + "listed as skipped (deleted).")
    String filesFrom;

    @Option(names = "--repo", paramLabel = "DIR",
            description = "Read git, .osrignore and --files-from paths from the repository containing DIR "
                    + "(default: the current folder).")
    Path repo;

    @Option(names = "--include", paramLabel = "GLOB",
            description = "Review only files matching GLOB (.gitignore syntax, relative to the repository root; "
                    + "repeatable).")
    List<String> include = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "GLOB",
            description = "Do not review files matching GLOB (.gitignore syntax; repeatable). An .osrignore at the "
                    + "repository root is read too.")
    List<String> exclude = new ArrayList<>();

    Inputs inputs(List<String> paths, InputStream stdin, Scratch scratch, Inputs.Options options)
            throws IOException {
        List<String> given = paths == null ? List.of() : paths;
        if (changedSince != null && filesFrom != null) {
            throw new Main.UsageException("give --changed-since or --files-from, not both");
        }
        if ((changedSince != null || filesFrom != null) && !given.isEmpty()) {
            throw new Main.UsageException("PATH arguments cannot be combined with "
                    + (changedSince != null ? "--changed-since" : "--files-from") + "; use --include to narrow");
        }
        if (changedSince == null && filesFrom == null && given.isEmpty()) {
            throw new Main.UsageException("nothing to review: give a PATH, --changed-since REF or --files-from FILE "
                    + "(see 'osr scan --help')");
        }
        Path cwd = (repo == null ? Path.of("") : repo).toAbsolutePath().normalize();
        if (!Files.isDirectory(cwd)) {
            throw new Main.UsageException("--repo: " + repo + " is not a folder");
        }
        Path root;
        Inputs inputs;
        if (changedSince != null) {
            ChangedFiles.Changes changes;
            try {
                changes = ChangedFiles.since(cwd, changedSince);
            } catch (ChangedFiles.GitFailure e) {
                throw new Main.UsageException("--changed-since: " + e.getMessage());
            }
            root = changes.root();
            inputs = Inputs.resolveListed(root, changes.present(), changes.deleted(), scratch, options);
        } else {
            root = ChangedFiles.root(cwd).orElse(cwd);
            inputs = filesFrom != null
                    ? Inputs.resolveListed(root, listed(filesFrom, stdin), List.of(), scratch, options)
                    : Inputs.resolve(given, stdin, scratch, options);
        }
        inputs.leaveOut(Selection.at(root.toAbsolutePath().normalize(), exclude, include)::reasonToLeaveOut);
        return inputs;
    }

    private static List<String> listed(String source, InputStream stdin) {
        String text;
        try {
            text = source.equals("-") ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Main.UsageException("--files-from: cannot read " + source + ": "
                    + (e instanceof IOException io ? Inputs.reason(io) : e.getMessage()));
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
