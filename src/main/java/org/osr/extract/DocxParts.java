package org.osr.extract;

import java.io.IOException;
import java.util.List;

/** Word documents (DOCX and its macro and template variants), labelled and laid out by {@link DocxStructureReader}. */
final class DocxParts implements FormatReader {
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml";

    @Override
    public boolean reads(Input file) {
        return file.mediaType().startsWith(DOCX);
    }

    @Override
    public boolean read(Input file, List<Part> parts, List<Problem> problems) {
        try {
            DocxStructureReader.Content docx = DocxStructureReader.readContent(file.path());
            parts.addAll(docx.parts());
            problems.addAll(docx.problems());
        } catch (IOException e) {
            problems.add(new Problem(Problem.CORRUPT, "the document's XML could not be read: " + e.getMessage()));
        }
        return true;
    }
}
