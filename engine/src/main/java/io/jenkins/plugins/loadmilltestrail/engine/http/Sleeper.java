package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;

/** Waits. An interface so that waiting can be counted; the real one honours interrupts. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
    };
}
