package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;

/** The retries and waiting left to one API call under a {@link RetryPolicy}. Not thread-safe. */
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

    /** Whether another attempt after waiting {@code wait} stays within the policy. */
    public boolean allows(Duration wait) {
        return attempts < policy.maxAttempts() && waited.plus(wait).compareTo(policy.maxWait()) <= 0;
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
