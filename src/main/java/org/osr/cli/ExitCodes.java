package org.osr.cli;

/** Process exit codes beyond the per-document ones (0-3); see CONTRACT.md. */
final class ExitCodes {
    static final int USAGE = 64;
    static final int UNREADABLE_INPUT = 65;
    static final int INTERNAL = 70;
    static final int BAD_RULE_PACK = 78;

    private ExitCodes() {
    }
}
