package org.osr.match;

import org.osr.extract.Part;
import org.osr.rules.Rule;

/**
 * A rule that fired on a part. Offsets are into the part's original text, so reports quote what the document
 * says, not the normalized form.
 *
 * @param normalizedMatch the matched text after normalization (stable across layout changes; used in fingerprints)
 * @param page            1-based page, or null when the part has no pages
 * @param line            1-based line within the page or part
 * @param explanation     why this hit is a finding: which matcher and which position condition held
 */
public record Hit(Rule rule, Part part, int start, int end, String normalizedMatch, Integer page, int line,
                  String explanation) {

    public String originalMatch() {
        return part.text().substring(start, end);
    }
}
