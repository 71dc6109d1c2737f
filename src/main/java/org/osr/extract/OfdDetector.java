package org.osr.extract;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;

/**
 * Tells OFD from other zips for Tika (registered as a service): a zip whose root holds {@code OFD.xml}, or a file
 * named {@code .ofd}. Tika itself would call it {@code application/zip} and read its XML parts as loose files.
 */
public final class OfdDetector implements Detector {
    private static final long serialVersionUID = 1L;
    static final MediaType OFD = MediaType.parse(OfdReader.MEDIA_TYPE);

    @Override
    public MediaType detect(InputStream input, Metadata metadata) throws IOException {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        boolean named = name != null && name.toLowerCase(Locale.ROOT).endsWith(".ofd");
        if (input == null) {
            return named ? OFD : MediaType.OCTET_STREAM;
        }
        input.mark(4);
        byte[] head;
        try {
            head = input.readNBytes(4);
        } finally {
            input.reset();
        }
        boolean zip = head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        if (!zip) {
            return named ? OFD : MediaType.OCTET_STREAM;
        }
        TikaInputStream tis = TikaInputStream.cast(input);
        if (tis == null) {
            return named ? OFD : MediaType.OCTET_STREAM;
        }
        try (ZipFile file = new ZipFile(tis.getPath().toFile())) {
            return named || OfdReader.isOfd(file) ? OFD : MediaType.OCTET_STREAM;
        } catch (IOException | RuntimeException e) {
            return named ? OFD : MediaType.OCTET_STREAM;   // a damaged zip: Tika's own detectors decide
        }
    }
}
