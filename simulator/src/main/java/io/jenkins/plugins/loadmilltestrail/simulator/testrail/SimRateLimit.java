package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * TestRail Cloud's per-instance limit: at most {@code permits} accepted requests in any sliding
 * {@code window}. A refused request gets the time until a slot frees up, rounded up to whole
 * seconds as TestRail's Retry-After is.
 */
final class SimRateLimit {
    private final int permits;
    private final Duration window;
    private final boolean sendRetryAfter;
    private final Deque<Long> accepted = new ArrayDeque<>();

    SimRateLimit(int permits, Duration window, boolean sendRetryAfter) {
        this.permits = permits;
        this.window = window;
        this.sendRetryAfter = sendRetryAfter;
    }

    /** Empty when the request may go ahead; else the Retry-After seconds to send (0 = no header). */
    synchronized Optional<Long> refuse(long nowNanos) {
        while (!accepted.isEmpty() && accepted.peekFirst() <= nowNanos - window.toNanos()) {
            accepted.pollFirst();
        }
        if (accepted.size() < permits) {
            accepted.addLast(nowNanos);
            return Optional.empty();
        }
        long freeInNanos = accepted.peekFirst() + window.toNanos() - nowNanos;
        return Optional.of(sendRetryAfter ? Math.max(1, (freeInNanos + 999_999_999L) / 1_000_000_000L) : 0);
    }

    int permits() {
        return permits;
    }

    Duration window() {
        return window;
    }
}
