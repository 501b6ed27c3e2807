package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts API calls per method (e.g. "get_cases", "GET /api/test-plans-runs") and the time spent
 * waiting for rate limits and backoff. Thread-safe; one instance per client.
 */
public final class CallStats {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final AtomicLong rateLimitWaitNanos = new AtomicLong();
    private final AtomicLong backoffWaitNanos = new AtomicLong();
    private final LongAdder retries = new LongAdder();
    private final LongAdder throttled = new LongAdder();

    public void recordCall(String method) {
        calls.computeIfAbsent(method, m -> new LongAdder()).increment();
    }

    public void recordRateLimitWait(Duration waited) {
        rateLimitWaitNanos.addAndGet(waited.toNanos());
    }

    public void recordBackoffWait(Duration waited) {
        backoffWaitNanos.addAndGet(waited.toNanos());
    }

    public void recordRetry() {
        retries.increment();
    }

    /** A 429 answer from the server. */
    public void recordThrottled() {
        throttled.increment();
    }

    /** Calls per method, sorted by method name. */
    public Map<String, Long> callsByMethod() {
        Map<String, Long> out = new TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public long calls(String method) {
        LongAdder adder = calls.get(method);
        return adder == null ? 0 : adder.sum();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Time spent waiting for the client-side rate limiter or a server's Retry-After. */
    public Duration rateLimitWait() {
        return Duration.ofNanos(rateLimitWaitNanos.get());
    }

    /** Time spent backing off after errors (5xx, 409, network). */
    public Duration backoffWait() {
        return Duration.ofNanos(backoffWaitNanos.get());
    }

    public long retries() {
        return retries.sum();
    }

    public long throttledResponses() {
        return throttled.sum();
    }
}
