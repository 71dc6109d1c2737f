package org.osr.extract;

import java.util.List;

/** Any other format Tika reads: its text as the body, with the blocks its XHTML showed. */
final class TikaTextParts implements FormatReader {

    @Override
    public boolean reads(Input file) {
        return true;
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        file.addTikaBody(parts);
        return true;
    }
}
