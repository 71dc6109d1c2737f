package org.osr.match;

/**
 * A span a matcher found, before position and context decide whether it is a finding.
 *
 * @param rule   the rule's index in the engine
 * @param start  start in the normalized text
 * @param end    end in the normalized text
 * @param detail how a composite matcher found it (a cluster's labels), or null when the span says it all
 */
record Candidate(int rule, int start, int end, String detail) {
}
