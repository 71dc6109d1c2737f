package org.osr.index;

import java.io.IOException;

/** The index was built by another extractor or normalizer version: its parts are not what osr reads now. */
public final class StaleIndexException extends IOException {
    StaleIndexException(String message) {
        super(message);
    }
}
