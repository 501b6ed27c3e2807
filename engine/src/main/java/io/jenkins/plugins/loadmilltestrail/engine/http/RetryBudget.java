package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;

/**
 * The retries left to one API call under a {@link RetryPolicy}: attempts, and time. Once the first
 * attempt failed, the waits and the later attempts all count against {@link RetryPolicy#maxWait()}
 * (each later attempt's deadline is cut to what is left), so a call retries for no longer than
 * that. Not thread-safe.
 */
public final class RetryBudget {
    private final RetryPolicy policy;
    private int attempts;
    private Duration waited = Duration.ZERO;

    RetryBudget(RetryPolicy policy) {
        this.policy = policy;
    }

    /** Counts one attempt (call before each send). */
    public void startAttempt() {
        attempts++;
    }

    public int attempts() {
        return attempts;
    }

    /**
     * The least time a retry is sent with: one with less could only time out, and its timeout would
     * hide the failure that made the call retry.
     */
    static final Duration MIN_ATTEMPT = Duration.ofMillis(50);

    /**
     * Whether another attempt after waiting {@code wait} stays within the policy; it must leave
     * {@link #MIN_ATTEMPT} for that attempt.
     */
    public boolean allows(Duration wait) {
        return attempts < policy.maxAttempts()
                && waited.plus(wait).plus(MIN_ATTEMPT).compareTo(policy.maxWait()) <= 0;
    }

    /** The deadline of the attempt about to start: {@code callTimeout}, or for a retry what is left if less. */
    public Duration attemptDeadline(Duration callTimeout) {
        Duration left = policy.maxWait().minus(waited);
        return attempts <= 1 || callTimeout.compareTo(left) <= 0 ? callTimeout : left;
    }

    /** Counts the time an attempt took, if it was a retry: the first one is bounded by its own deadline. */
    public void attemptTook(Duration took) {
        if (attempts > 1) {
            waited = waited.plus(took);
        }
    }

    public void spend(Duration wait) {
        waited = waited.plus(wait);
    }

    public Duration waited() {
        return waited;
    }

    /** The backoff before the next retry. */
    public Duration nextBackoff() {
        return policy.backoff().delay(Math.max(0, attempts - 1));
    }
}
