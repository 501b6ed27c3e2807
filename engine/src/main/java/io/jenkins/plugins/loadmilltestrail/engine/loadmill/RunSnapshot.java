package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The whole run in one view: a plan run as Loadmill answered it, or the suite runs started
 * directly, polled one by one (then {@code id} and {@code description} are "").
 */
record RunSnapshot(String id, String description, RunStatus status, Optional<Instant> startTime,
        Optional<Instant> endTime, List<SuiteRunSnapshot> suites) {

    RunSnapshot {
        suites = List.copyOf(suites);
    }

    /** Finished: the plan (if any) and every suite have left RUNNING (the SDK's rule since 2022). */
    boolean finished() {
        return !status.isRunning() && suites.stream().noneMatch(s -> s.status().isRunning());
    }

    long finishedSuites() {
        return suites.stream().filter(s -> !s.status().isRunning()).count();
    }
}
