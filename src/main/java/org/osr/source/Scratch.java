package org.osr.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * osr's private temporary folder (owner-only, {@code osr-<pid>-…} in the system temp folder) for copies of standard
 * input and pipes. It is removed when the run ends, normally or by SIGINT/SIGTERM ({@link Cleanup}); a run killed
 * outright (SIGKILL) cannot clean up, so every run first removes the folders of osr processes that no longer exist.
 *
 * <p>The launcher goes one step further: it makes such a folder for the whole process and passes it as
 * {@code java.io.tmpdir} and {@code osr.scratch}, so the parsers' own temporary files (Tika spools embedded
 * documents to disk) land in it and are removed with it ({@link #adoptLauncherFolder()}).
 */
public final class Scratch implements AutoCloseable {
    private static final String PREFIX = "osr-";

    private final Path base;
    private Path dir;
    private int copies;

    public Scratch() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public Scratch(Path base) {
        this.base = base;
    }

    /** Copies a stream into a new owner-only file of this run's folder. */
    public synchronized Path copy(InputStream in, String name) throws IOException {
        Path target = dir().resolve(name + "-" + (++copies));
        Files.createFile(target, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (java.io.OutputStream out = Files.newOutputStream(target)) {   // keeps the owner-only mode
            in.transferTo(out);
        }
        return target;
    }

    private Path dir() throws IOException {
        if (dir == null) {
            removeAbandoned(base);
            dir = Files.createTempDirectory(base, PREFIX + ProcessHandle.current().pid() + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Cleanup.register(dir);
        }
        return dir;
    }

    @Override
    public synchronized void close() {
        if (dir != null) {
            delete(dir);
            Cleanup.unregister(dir);
            dir = null;
        }
    }

    /**
     * Takes charge of the folder the launcher made for this process ({@code osr.scratch}, named after this process's
     * pid): it is removed at exit. Also removes the folders of osr processes that were killed.
     */
    public static void adoptLauncherFolder() {
        String property = System.getProperty("osr.scratch");
        if (property == null) {
            return;
        }
        Path folder = Path.of(property);
        if (folder.getFileName().toString().startsWith(PREFIX + ProcessHandle.current().pid() + "-")
                && Files.isDirectory(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Cleanup.register(folder);
            removeAbandoned(folder.getParent());
        }
    }

    /** Removes scratch folders left by osr processes that were killed (their pid no longer runs). */
    static void removeAbandoned(Path base) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path p : entries) {
                String[] parts = p.getFileName().toString().split("-");
                if (parts.length < 3 || !parts[1].chars().allMatch(Character::isDigit) || parts[1].isEmpty()
                        || !Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || !Files.isWritable(p)) {
                    continue;
                }
                long pid = Long.parseLong(parts[1]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    delete(p);
                }
            }
        } catch (IOException | NumberFormatException | SecurityException e) {
            // Best effort: another user's folders, or a temp folder we cannot list.
        }
    }

    /** Removes a folder and what is in it, as far as it can (best effort: a temporary folder). */
    public static void delete(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next run's removeAbandoned
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // already gone
        }
    }
}
