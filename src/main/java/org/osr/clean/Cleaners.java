package org.osr.clean;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The formats {@code osr clean} writes a publication copy of. */
public final class Cleaners {
    private static final List<FormatCleaner> ALL = List.of(new DocxCleaner(), new PdfCleaner(), new HtmlCleaner());

    private Cleaners() {
    }

    public static Optional<FormatCleaner> forFile(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024);
        }
        return ALL.stream().filter(c -> c.reads(file, head)).findFirst();
    }

    public static List<String> names() {
        return ALL.stream().map(FormatCleaner::name).toList();
    }
}
