package org.osr.webarchive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Web archives as sweep inputs: WARC files ({@code .warc}, {@code .warc.gz}, as Heritrix or {@code wget --warc-file}
 * write them) and WACZ packages (Browsertrix), read with jwarc.
 *
 * <p>Each {@code response}, {@code resource} and {@code revisit} record is one {@link org.osr.sweep.SweepItem}; request,
 * metadata, warcinfo and conversion records are not, nor are {@code dns:} responses and the crawler's own
 * {@code metadata:} resources (wget's log and arguments). A response's payload is its HTTP body, de-chunked and
 * decoded (gzip, deflate, br). A response with an empty body and a status other than 200 (a redirect, a 304, an empty
 * error page) served nothing to read and is not an item; an error page with a body is served content and is one.
 * A revisit has no file and size 0; its {@code sha256} and {@code revisitOf} are the SHA-256 of the earlier payload it
 * repeats (by {@code WARC-Payload-Digest} or {@code WARC-Refers-To}) when that record is in the same archive, else null.
 * A payload that is not whole (cut short, undecodable, a 206 range) carries the reason in {@code incomplete}.
 */
public final class WebArchives {
    private static final byte[] WARC = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] GZIP = {0x1f, (byte) 0x8b};
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private WebArchives() {}

    /** Named {@code .warc}, {@code .warc.gz} or {@code .wacz}, and its first bytes are a WARC, a gzip or a zip. */
    public static boolean isWebArchive(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        byte[] signature;
        if (name.endsWith(".warc")) {
            signature = WARC;
        } else if (name.endsWith(".warc.gz")) {
            signature = GZIP;
        } else if (name.endsWith(".wacz")) {
            signature = ZIP;
        } else {
            return false;
        }
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return Arrays.equals(in.readNBytes(signature.length), signature);
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isWacz(Path path) {
        return path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wacz");
    }

    /**
     * The items of {@code archive}, read as they are iterated.
     *
     * @param displayName how items name the archive in their {@code source} ({@code displayName#offset})
     * @param scratchDir  where payloads are copied, one private temporary file per item
     * @param problems    told what is wrong with the archive that no item carries; reading stops there
     */
    public static ArchiveItems open(Path archive, String displayName, Path scratchDir,
                                    Consumer<ArchiveProblem> problems) {
        return new WebArchiveReader(archive, displayName, scratchDir, problems);
    }
}
