package io.jenkins.plugins.loadmilltestrail.engine.report;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Collected results with every flow outcome, and names that try to break files. */
final class SampleResults {
    static final String HOSTILE = "<Orders> & \"quotes\" 'single' 🚀 \u0001bell\u0007 ]]> \uD800lone";
    static final Instant T0 = Instant.parse("2025-03-09T07:20:14.419Z");

    private SampleResults() {}

    static FlowResult flow(String name, String suite, RunStatus status, int retries, boolean ran, long millis,
            String failure) {
        return new FlowResult("fr-" + name.hashCode(), name, suite, status, "Active", retries,
                ran ? Optional.of(T0) : Optional.empty(), ran ? Optional.of(T0.plusMillis(millis)) : Optional.empty(),
                ran ? Duration.ofMillis(millis) : Duration.ZERO, failure, "https://app.loadmill.com/app/x/" + name.hashCode());
    }

    static CollectedResults sample() {
        String suiteName = "Orders " + HOSTILE;
        List<FlowResult> flows = List.of(
                flow("Create order", suiteName, RunStatus.PASSED, 0, true, 1355, ""),
                flow("Cancel " + HOSTILE, suiteName, RunStatus.FAILED, 1, true, 2469,
                        "Cancel order - POST https://x/orders?a=1&b=<2>\nExpected: __status Equals 200 / Actual: 409 \u0000"),
                flow("List orders", suiteName, RunStatus.FLAKY, 1, true, 7900, ""),
                flow("Refund order", suiteName, RunStatus.STOPPED, 0, false, 0, "The flow did not run (STOPPED)."),
                flow("Pending one", suiteName, RunStatus.of("pending"), 0, false, 0, ""));
        SuiteResult orders = new SuiteResult("s-1", "sr-1", suiteName, suiteName + " build 7", RunStatus.FAILED,
                "setup & <teardown>", Optional.of(T0), Optional.of(T0.plusSeconds(47)), "https://app/s?x=1&y=2", flows);
        SuiteResult empty = new SuiteResult("", "sr-2", "Payments", "Payments", RunStatus.PASSED, "", Optional.empty(),
                Optional.empty(), "https://app/sr-2", List.of(
                        flow("Pay", "Payments", RunStatus.PASSED, 0, true, 1, "")));
        return new CollectedResults(RunKind.TEST_PLAN, "https://app.loadmill.com", "p-1", "Nightly " + HOSTILE, "pr-1",
                "https://app.loadmill.com/app/api-tests/test-plan-runs/pr-1", RunStatus.FAILED, Optional.of(T0),
                Optional.empty(), List.of(orders, empty));
    }
}
