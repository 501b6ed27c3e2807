package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of a scripted plan: its suite runs share the plan run's poll count. */
final class PlanRun {
    final String id = UUID.randomUUID().toString();
    final TestPlanScenario scenario;
    final String description;
    final long startMillis;
    final AtomicInteger polls = new AtomicInteger();
    final List<SuiteRun> suites = new ArrayList<>();
    private final int runningPolls;

    PlanRun(TestPlanScenario scenario, String additionalDescription, long startMillis) {
        this.scenario = scenario;
        this.description = LoadmillSimulator.describe(scenario.name(), additionalDescription);
        this.startMillis = startMillis;
        int planDefault = scenario.neverFinishesFlag() ? Integer.MAX_VALUE : scenario.runningPolls().orElse(-1);
        int maxSuite = 0;
        long suiteStart = startMillis;
        for (TestSuiteScenario suite : scenario.suites()) {
            int polls = suite.neverFinishesFlag() || scenario.neverFinishesFlag() ? Integer.MAX_VALUE
                    : suite.runningPolls().orElse(Math.max(planDefault, 0));
            maxSuite = Math.max(maxSuite, polls);
            SuiteRun run = new SuiteRun(suite, LoadmillSimulator.describe(suite.name(), additionalDescription),
                    suiteStart, polls, this.polls::get);
            suites.add(run);
            suiteStart += 10;
        }
        this.runningPolls = planDefault >= 0 ? planDefault : maxSuite;
    }

    /**
     * RUNNING for its own number of polls; after that the aggregate of its suites' final statuses,
     * even if a suite still runs (so clients must check every suite too).
     */
    String status() {
        boolean allStopped = suites.stream().allMatch(s -> s.stopped() || !s.running());
        boolean anyStopped = suites.stream().anyMatch(SuiteRun::stopped);
        if (polls.get() <= runningPolls && !(anyStopped && allStopped)) {
            return "RUNNING";
        }
        List<String> finals = new ArrayList<>();
        suites.forEach(s -> finals.add(s.finalStatus()));
        if (finals.contains("FAILED")) {
            return "FAILED";
        }
        if (finals.contains("STOPPED")) {
            return "STOPPED";
        }
        return "PASSED";
    }

    long endMillis() {
        return suites.stream().mapToLong(s -> s.endMillis).max().orElse(startMillis);
    }
}
