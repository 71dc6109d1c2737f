package org.osr.extract;

import java.util.List;

/** Word 97–2003 files, labelled by {@link LegacyWordReader}; Tika's text stands when HWPF cannot read the file. */
final class LegacyWordParts implements FormatReader {

    @Override
    public boolean reads(Input file) {
        return LegacyWordReader.handles(file.mediaType());
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        DocxStructureReader.Content word = LegacyWordReader.readOrNull(file.path(), file.mediaType());
        if (word == null) {
            return false;
        }
        parts.addAll(word.parts());
        return true;
    }
}
