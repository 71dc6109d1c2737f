package org.osr.rules;

import java.util.List;
import org.osr.extract.Block;
import org.osr.extract.Part;
import org.osr.extract.PartKind;

/**
 * A rule example: a text placed in one part of a one-part document (the body unless said otherwise), with the
 * layout its {@code blocks:} form describes (headings, tables, pages, lines placed on a page), if any.
 */
public record Example(String text, PartKind part, List<Block> blocks, boolean paged, SourcePosition position) {
    public Example {
        blocks = List.copyOf(blocks);
    }

    public Example(String text, PartKind part, SourcePosition position) {
        this(text, part, List.of(), false, position);
    }

    /** The one-part document the example stands for. */
    public Part asPart() {
        return new Part(part, text, paged, null, "example", blocks);
    }
}
