package org.osr.rules;

import org.osr.extract.PartKind;

/** A rule example: a text placed in one part of a one-part document (the body unless said otherwise). */
public record Example(String text, PartKind part, SourcePosition position) {
}
