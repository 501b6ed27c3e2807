package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;

/**
 * Flows by outcome, counted one way for every front end (CLI summary, build page, Pipeline step).
 * {@code passed + flaky + failed == total}.
 *
 * @param flaky failed, then passed on a retry; counts as passed
 * @param failed did not pass: failed, stopped, never ran, or an unknown status
 */
public record FlowCounts(int total, int passed, int flaky, int failed) {

    public static FlowCounts of(CollectedResults results) {
        int total = 0;
        int passed = 0;
        int flaky = 0;
        for (FlowResult flow : results.flows().toList()) {
            total++;
            if (flow.status().equals(RunStatus.PASSED)) {
                passed++;
            } else if (flow.status().equals(RunStatus.FLAKY)) {
                flaky++;
            }
        }
        return new FlowCounts(total, passed, flaky, total - passed - flaky);
    }
}
