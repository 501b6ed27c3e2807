package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.PrintableText;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A flow run as listed in a plan or suite run ({@code testSuiteFlowRuns[]}).
 *
 * @param name the flow's name as {@link PrintableText#oneLine one printable line}: progress and
 *     warnings name flows before their results are built
 * @param attempts the grouped attempts ({@code runs[]}), empty when not grouped
 */
record FlowRunSnapshot(String id, String name, String status, String lifecycleStatus, Optional<Instant> startTime,
        Optional<Instant> endTime, List<Attempt> attempts) {

    FlowRunSnapshot {
        name = PrintableText.oneLine(name);
        attempts = List.copyOf(attempts);
    }

    /** One attempt of a retried flow. */
    record Attempt(Optional<Instant> startTime, Optional<Instant> endTime) {}
}
