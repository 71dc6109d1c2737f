package org.osr.judge;

import java.util.List;
import org.osr.extract.Coverage;
import org.osr.match.Hit;
import org.osr.rules.Action;

/**
 * Turns findings and coverage into a verdict. Fail closed: a document that was not read completely is never
 * publishable; only a withhold finding outranks incomplete reading, because then the answer is already "no".
 */
public final class Judge {
    private final Action failOn;

    /** @param failOn the weakest action that makes the exit code non-zero (default {@code redact}) */
    public Judge(Action failOn) {
        this.failOn = failOn;
    }

    public Action failOn() {
        return failOn;
    }

    public Verdict verdict(List<Hit> findings, Coverage coverage) {
        Action strongest = Action.NOTE;
        for (Hit h : findings) {
            if (h.rule().action().compareTo(strongest) > 0) {
                strongest = h.rule().action();
            }
        }
        return verdict(strongest, coverage.complete());
    }

    /**
     * The verdict from the strongest action among the findings that count (NOTE when none) and whether the document
     * was read completely; a waiver or a baseline re-judges a document this way on the findings they leave counting.
     */
    public Verdict verdict(Action strongest, boolean complete) {
        if (strongest == Action.WITHHOLD) {
            return Verdict.WITHHOLD;
        }
        if (!complete) {
            return Verdict.UNREVIEWABLE;
        }
        return switch (strongest) {
            case REFER -> Verdict.REFER;
            case REDACT -> Verdict.REDACT;
            default -> Verdict.PUBLISHABLE;
        };
    }

    /** The document's exit code after {@code --fail-on} lowered the actions below the threshold to 0. */
    public int exitCode(Verdict verdict) {
        Action action = switch (verdict) {
            case REDACT -> Action.REDACT;
            case REFER -> Action.REFER;
            case WITHHOLD -> Action.WITHHOLD;
            default -> null;
        };
        if (action != null && !action.atLeast(failOn)) {
            return 0;
        }
        return verdict.exitCode();
    }
}
