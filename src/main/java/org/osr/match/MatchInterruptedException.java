package org.osr.match;

/**
 * Matching stopped because its thread was interrupted (a per-file deadline ran out). The thread's interrupt flag is
 * left set, so the code that interrupted it can still see it.
 */
public final class MatchInterruptedException extends RuntimeException {
    public MatchInterruptedException() {
        super("matching was interrupted");
    }

    /** Throws when the current thread has been interrupted; keeps the interrupt flag set. */
    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new MatchInterruptedException();
        }
    }
}
