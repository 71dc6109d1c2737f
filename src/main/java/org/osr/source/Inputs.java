package org.osr.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the paths a user typed into the files to review: files as given, folders recursively (sorted, hidden
 * entries such as {@code .git} skipped, symbolic links not followed), {@code -} as standard input. Paths that
 * cannot be read are collected, not thrown, so one typo does not lose the rest of the run.
 */
public final class Inputs {

    /** A file to review, and the path to show for it. */
    public record Input(Path file, String displayPath) {
    }

    /** A path that could not be read, with the reason. */
    public record Unreadable(String path, String reason) {
    }

    private final List<Input> files = new ArrayList<>();
    private final List<Unreadable> unreadable = new ArrayList<>();

    private Inputs() {
    }

    public static Inputs resolve(List<String> args, InputStream stdin) throws IOException {
        Inputs inputs = new Inputs();
        for (String arg : args) {
            if (arg.equals("-")) {
                Path tmp = Files.createTempFile("osr-stdin-", "");
                tmp.toFile().deleteOnExit();
                Files.copy(stdin, tmp, StandardCopyOption.REPLACE_EXISTING);
                inputs.files.add(new Input(tmp, "-"));
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                inputs.walk(path, arg);
            } else if (Files.isRegularFile(path)) {
                if (Files.isReadable(path)) {
                    inputs.files.add(new Input(path, arg));
                } else {
                    inputs.unreadable.add(new Unreadable(arg, "permission denied"));
                }
            } else {
                inputs.unreadable.add(new Unreadable(arg, Files.exists(path) ? "not a regular file" : "no such file or folder"));
            }
        }
        return inputs;
    }

    private void walk(Path root, String shownRoot) throws IOException {
        List<Input> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (!dir.equals(root) && dir.getFileName().toString().startsWith(".")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    found.add(new Input(file, display(shownRoot, root.relativize(file))));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                unreadable.add(new Unreadable(display(shownRoot, root.relativize(file)), exc.getClass().getSimpleName()
                        + (exc.getMessage() == null ? "" : ": " + exc.getMessage())));
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort((a, b) -> a.displayPath().compareTo(b.displayPath()));
        files.addAll(found);
    }

    private static String display(String shownRoot, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        return shownRoot.endsWith("/") ? shownRoot + rel : shownRoot + "/" + rel;
    }

    public List<Input> files() {
        return files;
    }

    public List<Unreadable> unreadable() {
        return unreadable;
    }
}
