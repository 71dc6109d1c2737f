package org.osr.extract;

import java.util.List;
import org.apache.tika.metadata.Metadata;

/** One document Tika parsed from the file (the file itself or an embedded one): its text and metadata. */
record ParsedDocument(LayoutTextHandler text, Metadata metadata) {

    /** Tika's reader of plain text, Markdown and CSV files. */
    private static final String TEXT_PARSER = "org.apache.tika.parser.csv.TextAndCSVParser";

    /**
     * The blocks Tika's XHTML showed, or none for a text file Tika's text parser read as text (plain text, Markdown,
     * logs): it wraps the whole file in one paragraph, and its lines are the better layout ({@link Part#layout()}).
     * A CSV file it read as a table keeps its cells.
     */
    List<Block> blocks() {
        boolean textParser = java.util.Arrays.asList(metadata.getValues(
                org.apache.tika.metadata.TikaCoreProperties.TIKA_PARSED_BY)).contains(TEXT_PARSER);
        List<Block> blocks = text.blocks();
        return textParser && blocks.stream().noneMatch(b -> b.cell() != null) ? List.of() : blocks;
    }
}
