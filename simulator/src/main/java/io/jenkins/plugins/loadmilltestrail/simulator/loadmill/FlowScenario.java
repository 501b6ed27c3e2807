package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.Objects;
import java.util.Optional;

/**
 * One scripted flow of a suite.
 *
 * @param name the flow's name (Loadmill's flow "description")
 * @param status the final status reported, any text (unknown values are passed through)
 * @param attempts how many times it ran (FLAKY: at least 2); 0 when it never ran (no times)
 * @param lifecycleStatus {@code testSuiteFlowStatus}: Active, Evaluating, ...
 * @param failure the flow-run detail's failure content, empty for a clean detail
 */
public record FlowScenario(String name, String status, int attempts, String lifecycleStatus,
        Optional<FlowFailure> failure) {

    public FlowScenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifecycleStatus, "lifecycleStatus");
        Objects.requireNonNull(failure, "failure");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts < 0");
        }
    }

    /** True when the flow has start and end times. */
    public boolean ran() {
        return attempts > 0;
    }
}
