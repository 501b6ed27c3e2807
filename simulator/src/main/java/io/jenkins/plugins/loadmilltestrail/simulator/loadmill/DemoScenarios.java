package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

/** Ready-made scenarios for demos and smoke tests, showing every outcome a real run can have. */
public final class DemoScenarios {
    private DemoScenarios() {}

    /**
     * "Nightly regression": Orders API (passed, failed assertion, flaky after one retry, stopped) and
     * Payments API (passed, HTTP 500, a flow that never ran), RUNNING for two polls.
     */
    public static TestPlanScenario nightlyRegression(LoadmillSimulator sim) {
        return sim.addTestPlan("Nightly regression")
                .suite("Orders API", s -> s.passed("Create order")
                        .failed("Cancel order", FlowFailure.of(
                                RequestStep.of("Cancel order", "POST", "https://api.example.com/orders/42/cancel")
                                        .respond(409, "Conflict")
                                        .failing("__status", "equals", "200", "409")
                                        .failing("cancelled_at", "", "", null)))
                        .flaky("List orders", 1)
                        .stopped("Refund order"))
                .suite("Payments API", s -> s.passed("Pay by card")
                        .failedRequest("Refund payment", "HTTP status 500 - Internal Server Error")
                        .neverRan("Capture payment", "STOPPED"))
                .runningPolls(2);
    }
}
