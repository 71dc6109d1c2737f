package org.osr.source;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes temporary files and folders when the JVM exits: normally, on an uncaught error, or on SIGINT/SIGTERM (the
 * JVM runs shutdown hooks for those). One hook for the whole process.
 */
public final class Cleanup {
    private static final Set<Path> PATHS = new LinkedHashSet<>();
    private static boolean hooked;

    private Cleanup() {
    }

    public static synchronized void register(Path path) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(Cleanup::runAll, "osr-cleanup"));
            hooked = true;
        }
        PATHS.add(path);
    }

    public static synchronized void unregister(Path path) {
        PATHS.remove(path);
    }

    private static synchronized void runAll() {
        for (Path p : PATHS) {
            Scratch.delete(p);
        }
        PATHS.clear();
    }
}
