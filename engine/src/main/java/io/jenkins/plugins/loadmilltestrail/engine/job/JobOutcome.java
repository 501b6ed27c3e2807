package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PreflightReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import java.util.Objects;

/**
 * What one build produced: the collected Loadmill results and what was published (or, for a dry
 * run, planned) in TestRail.
 *
 * @param planText for a dry run, the readable sync plan; "" otherwise
 * @param preflight the TestRail checks before Loadmill ran ({@link PreflightReport#NONE} when
 *     publishing saved results); their calls are not in {@code report}
 */
public record JobOutcome(CollectedResults results, PublishReport report, String planText, PreflightReport preflight) {

    public JobOutcome {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(planText, "planText");
        Objects.requireNonNull(preflight, "preflight");
    }

    public JobOutcome(CollectedResults results, PublishReport report, String planText) {
        this(results, report, planText, PreflightReport.NONE);
    }

    public JobOutcome(CollectedResults results, PublishReport report) {
        this(results, report, "");
    }

    /** This outcome with the preflight that ran before Loadmill. */
    public JobOutcome withPreflight(PreflightReport value) {
        return new JobOutcome(results, report, planText, value);
    }

    /** Flows by outcome; also available without an outcome through {@link FlowCounts#of}. */
    public FlowCounts counts() {
        return FlowCounts.of(results);
    }

    public int total() {
        return counts().total();
    }

    public int passed() {
        return counts().passed();
    }

    /** Flows that failed and then passed on a retry; they count as passed. */
    public int flaky() {
        return counts().flaky();
    }

    /** Flows that did not pass: failed, stopped, never ran or an unknown status. */
    public int failed() {
        return counts().failed();
    }

    /**
     * True when every flow passed (flaky included) and no suite failed as a whole, e.g. in a
     * setup flow that left no flow results behind.
     */
    public boolean allPassed() {
        return allPassed(results);
    }

    /**
     * As {@link #allPassed()}, for collected results without an outcome: e.g. those a {@link
     * PublishFailedException} carries, when a front end lets a publishing error leave the build's
     * result to the flows.
     */
    public static boolean allPassed(CollectedResults results) {
        return FlowCounts.of(results).failed() == 0
                && results.suites().stream().map(SuiteResult::status).allMatch(JobOutcome::passes);
    }

    /** PASSED, or FLAKY (failed, then passed on a retry): what counts as passed for flows and suites. */
    public static boolean passes(RunStatus status) {
        return status.equals(RunStatus.PASSED) || status.equals(RunStatus.FLAKY);
    }
}
