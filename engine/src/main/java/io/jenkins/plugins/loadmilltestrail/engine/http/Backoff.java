package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "full jitter": attempt n waits a random time in
 * [base·2ⁿ/2, base·2ⁿ], capped at {@code max}. Jitter keeps many Jenkins builds from retrying in step.
 */
public record Backoff(Duration base, Duration max) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max");
        }
    }

    /** The wait before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long baseMillis = base.toMillis();
        long ceiling = attempt >= 30 ? max.toMillis() : Math.min(max.toMillis(), baseMillis << Math.max(0, attempt));
        if (ceiling <= 0) {
            return Duration.ZERO;
        }
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + ThreadLocalRandom.current().nextLong(ceiling - floor + 1));
    }
}
