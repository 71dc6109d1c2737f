package org.osr.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Names the kind of a file that is not a regular file or folder, from its Unix mode bits. */
final class SpecialFiles {
    static final String PIPE = "FIFO/pipe";

    private SpecialFiles() {
    }

    static String type(Path path) {
        int mode;
        try {
            mode = (Integer) Files.getAttribute(path, "unix:mode");
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "special file";
        }
        return switch (mode & 0170000) {
            case 0010000 -> PIPE;
            case 0020000 -> "character device";
            case 0060000 -> "block device";
            case 0140000 -> "socket";
            case 0040000 -> "folder";
            default -> "special file";
        };
    }
}
