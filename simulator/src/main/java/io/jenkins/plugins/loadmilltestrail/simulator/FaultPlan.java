package io.jenkins.plugins.loadmilltestrail.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts calls per endpoint and decides which calls misbehave. Endpoints are names chosen by each
 * simulator (TestRail: the API method, e.g. "add_run"; Loadmill: e.g. "GET /api/test-plans-runs").
 * Rules apply to call numbers counted from 1 since the rule's endpoint was last reset; the endpoint
 * "*" matches every endpoint. Thread-safe.
 */
public final class FaultPlan {
    private record Rule(String endpoint, int from, int to, Fault fault) {}

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final List<Rule> rules = new ArrayList<>();

    /** Call number {@code nth} (1-based) of {@code endpoint} gets {@code fault}. */
    public FaultPlan onCall(String endpoint, int nth, Fault fault) {
        return onCalls(endpoint, nth, nth, fault);
    }

    /** Calls {@code from}..{@code to} (inclusive, 1-based) of {@code endpoint} get {@code fault}. */
    public synchronized FaultPlan onCalls(String endpoint, int from, int to, Fault fault) {
        rules.add(new Rule(endpoint, from, to, fault));
        return this;
    }

    /** Every later call of {@code endpoint} gets {@code fault} (until {@link #clearFaults()}). */
    public FaultPlan always(String endpoint, Fault fault) {
        return onCalls(endpoint, 1, Integer.MAX_VALUE, fault);
    }

    /** The next {@code count} calls of {@code endpoint}, counted from now, get {@code fault}. */
    public synchronized FaultPlan next(String endpoint, int count, Fault fault) {
        int done = count(endpoint);
        return onCalls(endpoint, done + 1, done + count, fault);
    }

    public synchronized void clearFaults() {
        rules.clear();
    }

    /** Registers a call and returns the fault it gets, if any. */
    public synchronized Optional<Fault> register(String endpoint) {
        int n = counts.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        for (Rule rule : rules) {
            if ((rule.endpoint.equals(endpoint) || rule.endpoint.equals("*")) && n >= rule.from && n <= rule.to) {
                return Optional.of(rule.fault);
            }
        }
        return Optional.empty();
    }

    /** Calls of {@code endpoint} so far, faulty ones included. */
    public int count(String endpoint) {
        AtomicInteger c = counts.get(endpoint);
        return c == null ? 0 : c.get();
    }

    public int totalCount() {
        return total.get();
    }

    /** Calls per endpoint, sorted by name. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public synchronized void resetCounts() {
        counts.clear();
        total.set(0);
    }
}
