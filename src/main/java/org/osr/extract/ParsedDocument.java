package org.osr.extract;

import java.util.List;
import org.apache.tika.metadata.Metadata;

/** One document Tika parsed from the file (the file itself or an embedded one): its text and metadata. */
record ParsedDocument(LayoutTextHandler text, Metadata metadata) {

    /**
     * The blocks Tika's XHTML showed, or none for plain text: Tika wraps a whole text file in one paragraph, and its
     * lines are the better layout ({@link Part#layout()}).
     */
    List<Block> blocks() {
        return TikaExtractor.baseType(metadata.get(Metadata.CONTENT_TYPE)).equals("text/plain") ? List.of()
                : text.blocks();
    }
}
