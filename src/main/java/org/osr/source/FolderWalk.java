package org.osr.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * One folder walked as {@link Inputs} describes it (links followed, loops and special files reported, hidden and
 * version-control entries skipped), each entry handed to a {@link Visitor} as it is found: a scan collects and sorts
 * them, a sweep over a million files streams them.
 */
public final class FolderWalk {
    /** What the walk found, in the order the file system lists it. */
    public interface Visitor {
        void file(Inputs.Input input);

        void error(Inputs.InputError error);

        void skipped(Inputs.Skipped entry);
    }

    private FolderWalk() {
    }

    public static void walk(Path root, String shownRoot, Inputs.Options options, Visitor visitor) throws IOException {
        Path realRoot = root.toRealPath();
        Set<Path> exclude = new HashSet<>(options.exclude());
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                if (!exclude.isEmpty() && excluded(dir)) {   // e.g. the sweep's own --out folder inside the tree
                    visitor.skipped(new Inputs.Skipped(shown(dir) + "/", "report"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (Inputs.VCS_FOLDERS.contains(name)) {
                    visitor.skipped(new Inputs.Skipped(shown(dir) + "/", "vcs"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (name.startsWith(".") && !options.hidden()) {
                    visitor.skipped(new Inputs.Skipped(shown(dir) + "/", "hidden"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
                    visitor.error(new Inputs.InputError(shown(dir) + "/", Inputs.InputError.PERMISSION_DENIED,
                            "permission denied: the folder's files cannot be listed"));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String shown = shown(file);
                if (shown.indexOf('\uFFFD') >= 0) {
                    visitor.error(Inputs.nameEncoding(shown));
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    // With FOLLOW_LINKS a link's own attributes come back only when its target does not exist.
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.BROKEN_LINK, "a symbolic link to " + Inputs.linkText(file)
                            + ", which does not exist"));
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isOther() || attrs.isDirectory()) {
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.SPECIAL_FILE, "not a regular file ("
                            + SpecialFiles.type(file) + "); not read"));
                    return FileVisitResult.CONTINUE;
                }
                Path real;
                try {
                    real = file.toRealPath();
                } catch (IOException e) {
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.UNREADABLE, Inputs.reason(e)));
                    return FileVisitResult.CONTINUE;
                }
                if (exclude.contains(real)) {
                    visitor.skipped(new Inputs.Skipped(shown, "report"));
                    return FileVisitResult.CONTINUE;
                }
                if (file.getFileName().toString().startsWith(".") && !options.hidden()) {
                    visitor.skipped(new Inputs.Skipped(shown, "hidden"));
                    return FileVisitResult.CONTINUE;
                }
                if (!Files.isReadable(file)) {
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.PERMISSION_DENIED, "permission denied"));
                    return FileVisitResult.CONTINUE;
                }
                visitor.file(new Inputs.Input(file, shown, real.startsWith(realRoot) ? null : real.toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                String shown = shown(file);
                if (exc instanceof FileSystemLoopException) {
                    visitor.error(new Inputs.InputError(shown + "/", Inputs.InputError.LINK_LOOP, "the same folder as "
                            + "one above it, reached again through a symbolic link (a loop); not followed again"));
                } else if (exc instanceof AccessDeniedException) {
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.PERMISSION_DENIED, "permission denied"));
                } else {
                    visitor.error(new Inputs.InputError(shown, Inputs.InputError.UNREADABLE, Inputs.reason(exc)));
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean excluded(Path dir) {
                try {
                    return exclude.contains(dir.toRealPath());
                } catch (IOException e) {
                    return false;
                }
            }

            private String shown(Path p) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                return shownRoot.endsWith("/") ? shownRoot + rel : shownRoot + "/" + rel;
            }
        });
    }
}
