package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.util.Map;

/**
 * What the TestRail preflight (the checks before Loadmill runs) cost and whether it finished.
 *
 * @param callsByMethod TestRail API calls the preflight made, per method
 * @param totalCalls their sum
 * @param complete false when TestRail did not answer and the checks were cut short (the build went
 *     on: the results are kept for publishing later)
 */
public record PreflightReport(Map<String, Long> callsByMethod, long totalCalls, boolean complete) {
    /** No preflight ran (publishing saved results, or a front end that does not run one). */
    public static final PreflightReport NONE = new PreflightReport(Map.of(), 0, false);

    public PreflightReport {
        callsByMethod = Map.copyOf(callsByMethod);
    }
}
