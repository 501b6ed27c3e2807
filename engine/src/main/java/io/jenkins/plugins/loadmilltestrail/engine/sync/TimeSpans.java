package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import java.time.Duration;

/**
 * TestRail's timespan text for a result's elapsed time: whole seconds, e.g. "65s". Every TestRail
 * version takes that form (it is what trcli and the Jenkins TestRail plugin send); decimals ("0.5s")
 * only newer ones, and "0s" none.
 */
public final class TimeSpans {
    private TimeSpans() {}

    /**
     * Whole seconds rounded up, at least "1s" (TestRail rejects "0s", so a sub-second flow is "1s");
     * "" (left out) when the flow did not run.
     */
    public static String elapsed(FlowResult flow) {
        return flow.ran() ? format(flow.duration()) : "";
    }

    /** "1s", "45s", "65s", "3661s": whole seconds, rounded up, at least 1. */
    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (duration.toNanos() > 0 && millis == 0) {
            millis = 1;
        }
        return Math.max(1, (millis + 999) / 1000) + "s";
    }
}
