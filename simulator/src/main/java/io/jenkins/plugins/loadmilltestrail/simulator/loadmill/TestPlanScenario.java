package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A scripted Loadmill test plan: its suites and how its runs behave.
 *
 * <pre>{@code
 * TestPlanScenario plan = sim.addTestPlan("Nightly")
 *     .suite("Orders API", s -> s.passed("Create order").flaky("List orders", 1))
 *     .suite("Payments API", s -> s.failedRequest("Refund", "HTTP status 500 - Internal Server Error"))
 *     .runningPolls(2);
 * }</pre>
 */
public final class TestPlanScenario {
    private final String id;
    private final String name;
    private final List<TestSuiteScenario> suites = new ArrayList<>();
    private OptionalInt runningPolls = OptionalInt.empty();
    private boolean neverFinishes;
    private Optional<String> launchError = Optional.empty();
    private boolean launchWithoutId;

    TestPlanScenario(String id, String name) {
        this.id = id;
        this.name = name;
    }

    /** The plan definition's id (a random UUID unless the plan was added with one). */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** Adds a suite to the plan and configures it. */
    public TestPlanScenario suite(String suiteName, Consumer<TestSuiteScenario> script) {
        TestSuiteScenario suite = new TestSuiteScenario(suiteName);
        script.accept(suite);
        synchronized (this) {
            suites.add(suite);
        }
        return this;
    }

    public synchronized List<TestSuiteScenario> suites() {
        return List.copyOf(suites);
    }

    /** The suite with this name. */
    public TestSuiteScenario suite(String suiteName) {
        return suites().stream().filter(s -> s.name().equals(suiteName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no suite " + suiteName));
    }

    /**
     * Polls of a run of this plan that answer RUNNING at plan level; also the default for its suites.
     * A suite with more running polls of its own keeps RUNNING after the plan reports its final
     * status (as Loadmill did before 2022).
     */
    public synchronized TestPlanScenario runningPolls(int polls) {
        runningPolls = OptionalInt.of(polls);
        return this;
    }

    /** Runs of this plan never finish until their suites are stopped. */
    public synchronized TestPlanScenario neverFinishes() {
        neverFinishes = true;
        return this;
    }

    /** Launching answers 200 with {@code {"err": message}} and no run id. */
    public synchronized TestPlanScenario launchError(String message) {
        launchError = Optional.of(message);
        return this;
    }

    /** Launching answers 200 with an empty object. */
    public synchronized TestPlanScenario launchWithoutId() {
        launchWithoutId = true;
        return this;
    }

    synchronized OptionalInt runningPolls() {
        return runningPolls;
    }

    synchronized boolean neverFinishesFlag() {
        return neverFinishes;
    }

    synchronized Optional<String> launchErrorMessage() {
        return launchError;
    }

    synchronized boolean launchesWithoutId() {
        return launchWithoutId;
    }
}
