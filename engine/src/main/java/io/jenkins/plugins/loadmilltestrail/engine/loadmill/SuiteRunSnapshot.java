package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A suite run as Loadmill reported it in one answer.
 *
 * @param suiteId the suite definition id, "" when not reported
 * @param url the web URL the server gave, "" when omitted
 * @param error {@code error.message}, or ""
 */
record SuiteRunSnapshot(String id, String suiteId, String description, RunStatus status, String url, String error,
        Optional<Instant> startTime, Optional<Instant> endTime, List<FlowRunSnapshot> flows) {

    SuiteRunSnapshot {
        flows = List.copyOf(flows);
    }

    /** The same run with no flows, for reports made before every flow was fetched. */
    SuiteRunSnapshot withoutFlows() {
        return new SuiteRunSnapshot(id, suiteId, description, status, url, error, startTime, endTime, List.of());
    }
}
