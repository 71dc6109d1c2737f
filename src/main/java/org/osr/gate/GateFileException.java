package org.osr.gate;

import java.util.List;
import java.util.stream.Collectors;
import org.osr.rules.SourcePosition;

/** A waiver file or a baseline could not be used; every problem names file:line:column. Exit code 78. */
public final class GateFileException extends Exception {
    private final String kind;
    private final List<Error> errors;

    GateFileException(String kind, List<Error> errors) {
        super(errors.stream().map(Error::toString).collect(Collectors.joining("\n")));
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    GateFileException(String kind, SourcePosition position, String message) {
        this(kind, List.of(new Error(position, message)));
    }

    /** "waiver file" or "baseline". */
    public String kind() {
        return kind;
    }

    public List<Error> errors() {
        return errors;
    }

    public record Error(SourcePosition position, String message) {
        @Override
        public String toString() {
            return position + ": " + message;
        }
    }
}
