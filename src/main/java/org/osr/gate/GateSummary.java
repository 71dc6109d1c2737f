package org.osr.gate;

import java.util.List;

/**
 * What waivers and a baseline did to a run.
 *
 * @param waived        findings a current waiver let through
 * @param baselined     findings dropped because the baseline knows them
 * @param unusedWaivers waivers that matched no finding, each as file:line:column (rule, key)
 * @param expiredWaivers waivers that matched a finding but had expired, so the finding counted
 * @param failsRun      {@code --report-unused-waivers} was given and a waiver is unused: the run exits at least 1
 */
public record GateSummary(int waived, int baselined, List<String> unusedWaivers, List<String> expiredWaivers,
                          boolean failsRun) {
    /** The exit code of a run whose unused waivers fail it: "a person must look", like a refer finding. */
    public static final int UNUSED_WAIVER_EXIT = 1;

    public GateSummary {
        unusedWaivers = List.copyOf(unusedWaivers);
        expiredWaivers = List.copyOf(expiredWaivers);
    }
}
