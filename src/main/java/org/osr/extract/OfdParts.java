package org.osr.extract;

import java.util.List;

/** OFD files, read by {@link OfdReader} (Tika does not know the format). */
final class OfdParts implements FormatReader {

    @Override
    public boolean reads(Input file) {
        return file.mediaType().equals(OfdReader.MEDIA_TYPE);
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        OfdReader.readInto(file.path(), parts, problems);
        return true;
    }
}
