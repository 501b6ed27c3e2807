package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;

/**
 * One run of a scripted suite. Whether it still runs depends on how often its owner (its plan run,
 * or itself when started directly) has been polled. Times are laid out deterministically from the
 * start: flows one after another, each attempt 1 s, 200 ms between attempts.
 */
final class SuiteRun {
    static final long ATTEMPT_MILLIS = 1000;
    static final long ATTEMPT_GAP_MILLIS = 200;

    final String id = UUID.randomUUID().toString();
    final TestSuiteScenario scenario;
    final List<FlowScenario> flows;
    final String description;
    final long startMillis;
    final long endMillis;
    final List<String> flowRunIds = new ArrayList<>();
    /** Per flow: start and end of each attempt; empty for flows that never ran. */
    final List<long[][]> attempts = new ArrayList<>();
    private final int runningPolls;
    private final IntSupplier polls;
    private volatile String stoppedAs = "";

    SuiteRun(TestSuiteScenario scenario, String description, long startMillis, int runningPolls, IntSupplier polls) {
        this.scenario = scenario;
        this.flows = scenario.flows();
        this.description = description;
        this.startMillis = startMillis;
        this.runningPolls = runningPolls;
        this.polls = polls;
        long cursor = startMillis + 100;
        for (FlowScenario flow : flows) {
            flowRunIds.add(UUID.randomUUID().toString());
            long[][] times = new long[flow.attempts()][];
            for (int a = 0; a < flow.attempts(); a++) {
                times[a] = new long[] {cursor, cursor + ATTEMPT_MILLIS};
                cursor += ATTEMPT_MILLIS + ATTEMPT_GAP_MILLIS;
            }
            attempts.add(times);
        }
        this.endMillis = cursor;
    }

    boolean running() {
        return stoppedAs.isEmpty() && polls.getAsInt() <= runningPolls;
    }

    boolean stopped() {
        return !stoppedAs.isEmpty();
    }

    /** Stops the run if it still runs; a finished run is left as it is. */
    synchronized void stop(boolean forceFail) {
        if (running()) {
            stoppedAs = forceFail ? "FAILED" : "STOPPED";
        }
    }

    String status() {
        if (stopped()) {
            return stoppedAs;
        }
        return running() ? "RUNNING" : scenario.derivedStatus();
    }

    /** The final status it will have (or has), ignoring whether it still runs. */
    String finalStatus() {
        return stopped() ? stoppedAs : scenario.derivedStatus();
    }

    String flowStatus(int index) {
        if (stopped()) {
            return "STOPPED";
        }
        return running() ? "RUNNING" : flows.get(index).status();
    }

    /** Whether flow {@code index} reports times (a stopped run's flows have none). */
    boolean flowRan(int index) {
        return !stopped() && !running() && flows.get(index).ran();
    }
}
