package org.osr.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What identifies one version of a file: its inode, size, modification and status-change times. Taken before a file
 * is hashed and again after it was parsed; if they differ the file was changed or replaced in between, and the hash
 * and the text may describe two different files.
 */
public record FileState(Object key, long size, Object modified, Object changed) {

    public static FileState of(Path file) throws IOException {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:ino,dev,size,lastModifiedTime,ctime");
            return new FileState(a.get("dev") + ":" + a.get("ino"), (Long) a.get("size"), a.get("lastModifiedTime"),
                    a.get("ctime"));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return new FileState(a.fileKey(), a.size(), a.lastModifiedTime(), null);
        }
    }

    /** Whether {@code later} is still the same version of the file. */
    public boolean sameAs(FileState later) {
        return Objects.equals(key, later.key) && size == later.size && Objects.equals(modified, later.modified)
                && Objects.equals(changed, later.changed);
    }
}
