package io.jenkins.plugins.loadmilltestrail.engine.model;

import io.jenkins.plugins.loadmilltestrail.engine.PrintableText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything collected from one Loadmill run (a test plan run, or a set of suite runs), after it
 * finished. This is what the results file holds and what the TestRail sync publishes.
 *
 * @param kind test plan or suites
 * @param loadmillUrl the Loadmill origin the run was started on (e.g. https://app.loadmill.com)
 * @param testPlanId the plan definition id, "" for suite runs
 * @param testPlanName the plan's name (its run description without our additional description) as
 *     {@link PrintableText#oneLine one printable line}, or ""
 * @param planRunId the plan run id, "" for suite runs
 * @param planRunUrl web URL of the plan run, "" for suite runs
 * @param status overall status (the plan's, or the worst of the suites')
 */
public record CollectedResults(
        RunKind kind,
        String loadmillUrl,
        String testPlanId,
        String testPlanName,
        String planRunId,
        String planRunUrl,
        RunStatus status,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        List<SuiteResult> suites) {

    public CollectedResults {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(loadmillUrl, "loadmillUrl");
        Objects.requireNonNull(testPlanId, "testPlanId");
        Objects.requireNonNull(testPlanName, "testPlanName");
        Objects.requireNonNull(planRunId, "planRunId");
        Objects.requireNonNull(planRunUrl, "planRunUrl");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        // Shown on consoles and in run names; also when read back from a results file.
        testPlanName = PrintableText.oneLine(testPlanName);
        suites = List.copyOf(suites);
    }

    /** Every flow of every suite, in suite order then flow order. */
    public Stream<FlowResult> flows() {
        return suites.stream().flatMap(s -> s.flows().stream());
    }

    /**
     * The id that identifies this Loadmill run: the plan run id, or the first suite run id for
     * suite runs. Used as a default TestRail result version and in journal names.
     */
    public String runId() {
        if (!planRunId.isEmpty()) {
            return planRunId;
        }
        return suites.isEmpty() ? "" : suites.get(0).suiteRunId();
    }

    /** A link to the whole run: the plan run, or the first suite run. */
    public String runUrl() {
        if (!planRunUrl.isEmpty()) {
            return planRunUrl;
        }
        return suites.isEmpty() ? "" : suites.get(0).url();
    }
}
