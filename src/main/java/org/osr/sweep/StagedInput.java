package org.osr.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A file a sweep reads from another file system (a Spark task's files on HDFS or object storage): it keeps its name
 * and key from there, and its bytes are copied to a private local file only when the sweep reaches it, so a task
 * holds a few copies at a time, not all of its files. A web archive among them is opened into its records as a local
 * one is.
 */
public interface StagedInput {
    /** What people see: the path as the user named its folder, then the file's path below it. */
    String name();

    /** Its identity from one sweep to the next: the fully qualified URI. */
    String key();

    long size();

    Instant modified();

    /** Copies its bytes to {@code file} (which does not exist yet). */
    void copyTo(Path file) throws IOException;
}
