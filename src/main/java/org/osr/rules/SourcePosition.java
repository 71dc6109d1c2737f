package org.osr.rules;

/** A place in a rule-pack file, 1-based, printed as {@code file:line:column} the way compilers do. */
public record SourcePosition(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
