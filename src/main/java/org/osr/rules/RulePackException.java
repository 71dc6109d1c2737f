package org.osr.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack could not be loaded; every problem names file:line:column. Exit code 78. */
public final class RulePackException extends Exception {
    private final List<PackError> errors;

    public RulePackException(List<PackError> errors) {
        super(errors.stream().map(PackError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public RulePackException(PackError error) {
        this(List.of(error));
    }

    public List<PackError> errors() {
        return errors;
    }

    /** One problem in a pack. */
    public record PackError(SourcePosition position, String message) {
        @Override
        public String toString() {
            return position + ": " + message;
        }
    }
}
