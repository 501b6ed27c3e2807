package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A scripted Loadmill test suite: its flows and how its runs behave. Configure it fluently, e.g.
 *
 * <pre>{@code
 * s.passed("Create order")
 *  .failedAssertion("Cancel order", "__status", "equals", "200", "409")
 *  .flaky("List orders", 1)
 *  .stopped("Refund order")
 *  .runningPolls(2);
 * }</pre>
 *
 * Scenarios are read when a run is started, so change them before starting it. Thread-safe
 * enough for tests: mutate from the test thread before the client starts the run.
 */
public final class TestSuiteScenario {
    /** Base URL of the requests in generated flow-run details. */
    static final String EXAMPLE_API = "https://api.example.com";

    private final String id = UUID.randomUUID().toString();
    private final String name;
    private final List<FlowScenario> flows = new ArrayList<>();
    private OptionalInt runningPolls = OptionalInt.empty();
    private boolean neverFinishes;
    private boolean omitUrl;
    private int pollFlows;
    private String error = "";
    private Optional<String> finalStatus = Optional.empty();

    TestSuiteScenario(String name) {
        this.name = name;
    }

    /** The suite definition's id (a random UUID). */
    public String id() {
        return id;
    }

    /** The suite's own name; runs describe themselves as this name plus the additional description. */
    public String name() {
        return name;
    }

    public synchronized List<FlowScenario> flows() {
        return List.copyOf(flows);
    }

    /** A flow that passes at the first attempt. */
    public TestSuiteScenario passed(String flow) {
        return flow(new FlowScenario(flow, "PASSED", 1, "Active", Optional.empty()));
    }

    /** A flow that fails one assertion of a single request named after the flow. */
    public TestSuiteScenario failedAssertion(String flow, String check, String operator, String expected,
            String actual) {
        return failed(flow, FlowFailure.of(RequestStep.of(flow, "POST", EXAMPLE_API + "/" + slug(flow))
                .failing(check, operator, expected, actual)));
    }

    /** A flow whose single request fails at request level, e.g. {@code HTTP status 500 - Internal Server Error}. */
    public TestSuiteScenario failedRequest(String flow, String message) {
        return failed(flow, FlowFailure.of(RequestStep.of(flow, "GET", EXAMPLE_API + "/" + slug(flow))
                .respond(500, "Internal Server Error").requestError(message)));
    }

    /** A flow that fails outside any request (the detail has only {@code result.err}). */
    public TestSuiteScenario failedWithError(String flow, String error) {
        return failed(flow, FlowFailure.error(error));
    }

    /** A FAILED flow with the given detail. */
    public TestSuiteScenario failed(String flow, FlowFailure failure) {
        return flow(new FlowScenario(flow, "FAILED", 1, "Active", Optional.of(failure)));
    }

    /** A flow that failed {@code retries} times, then passed (status FLAKY, retries+1 attempts). */
    public TestSuiteScenario flaky(String flow, int retries) {
        if (retries < 1) {
            throw new IllegalArgumentException("a flaky flow needs at least one retry");
        }
        return flow(new FlowScenario(flow, "FLAKY", retries + 1, "Active", Optional.empty()));
    }

    /** A flow reported STOPPED, without times. */
    public TestSuiteScenario stopped(String flow) {
        return flow(new FlowScenario(flow, "STOPPED", 0, "Active", Optional.empty()));
    }

    /** A flow that never ran: no times, the given status (e.g. "PENDING"), {@code err} in its detail. */
    public TestSuiteScenario neverRan(String flow, String status) {
        return flow(new FlowScenario(flow, status, 0, "Active",
                Optional.of(FlowFailure.error("Flow did not run because a previous flow failed"))));
    }

    /** Any flow. */
    public synchronized TestSuiteScenario flow(FlowScenario flow) {
        flows.add(flow);
        return this;
    }

    /** Polls of its run that answer RUNNING before the suite finishes (default: the plan's, or 0). */
    public synchronized TestSuiteScenario runningPolls(int polls) {
        runningPolls = OptionalInt.of(polls);
        return this;
    }

    /** Its runs stay RUNNING until stopped. */
    public synchronized TestSuiteScenario neverFinishes() {
        neverFinishes = true;
        return this;
    }

    /** Leave out the suite run's {@code url} (older servers did), so clients must build it. */
    public synchronized TestSuiteScenario omitUrl() {
        omitUrl = true;
        return this;
    }

    /**
     * Answers without {@code fetchAllFlows} list only the first {@code count} flows (by default
     * none), as Loadmill's poll answers hold only part of a large suite's flows.
     */
    public synchronized TestSuiteScenario pollListsFirstFlows(int count) {
        pollFlows = count;
        return this;
    }

    /** A suite-level error ({@code error.message}), e.g. a failed setup. */
    public synchronized TestSuiteScenario error(String message) {
        error = message;
        return this;
    }

    /** Report this final status instead of the one derived from the flows. */
    public synchronized TestSuiteScenario finalStatus(String status) {
        finalStatus = Optional.of(status);
        return this;
    }

    synchronized OptionalInt runningPolls() {
        return runningPolls;
    }

    synchronized boolean neverFinishesFlag() {
        return neverFinishes;
    }

    synchronized boolean omitsUrl() {
        return omitUrl;
    }

    synchronized int pollFlows() {
        return pollFlows;
    }

    synchronized String errorMessage() {
        return error;
    }

    /** FAILED if a flow failed, else STOPPED if one stopped, else PASSED; or the scripted override. */
    synchronized String derivedStatus() {
        if (finalStatus.isPresent()) {
            return finalStatus.get();
        }
        if (!error.isEmpty() || flows.stream().anyMatch(f -> f.status().equals("FAILED"))) {
            return "FAILED";
        }
        if (flows.stream().anyMatch(f -> f.status().equals("STOPPED"))) {
            return "STOPPED";
        }
        return "PASSED";
    }

    private static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "step" : s;
    }
}
