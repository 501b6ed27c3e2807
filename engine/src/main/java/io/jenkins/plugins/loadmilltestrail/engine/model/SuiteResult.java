package io.jenkins.plugins.loadmilltestrail.engine.model;

import io.jenkins.plugins.loadmilltestrail.engine.PrintableText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One Loadmill suite run and its flows.
 *
 * @param suiteId the suite definition's id, or "" when Loadmill did not say
 * @param suiteRunId the suite run's id
 * @param name the suite's own name: the run description without the additional description (or
 *     commit message) Loadmill appends to it, as {@link PrintableText#oneLine one printable line}.
 *     TestRail matching depends on this.
 * @param runDescription the suite run's description exactly as Loadmill returned it
 * @param status final status; unknown values preserved
 * @param error a suite-level error message (e.g. a failed setup) as one printable line, or ""
 * @param url web URL of the suite run
 */
public record SuiteResult(
        String suiteId,
        String suiteRunId,
        String name,
        String runDescription,
        RunStatus status,
        String error,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        String url,
        List<FlowResult> flows) {

    public SuiteResult {
        Objects.requireNonNull(suiteId, "suiteId");
        Objects.requireNonNull(suiteRunId, "suiteRunId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(runDescription, "runDescription");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(url, "url");
        // Shown on consoles and in build logs; also when read back from a results file.
        name = PrintableText.oneLine(name);
        error = PrintableText.oneLine(error);
        flows = List.copyOf(flows);
    }
}
