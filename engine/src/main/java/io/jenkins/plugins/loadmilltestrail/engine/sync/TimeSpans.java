package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import java.time.Duration;

/** TestRail's timespan text for a result's elapsed time, e.g. "1m 5s". */
public final class TimeSpans {
    private TimeSpans() {}

    /**
     * Whole seconds rounded up, at least "1s" (TestRail rejects "0s"); "" (left out) when the flow
     * did not run.
     */
    public static String elapsed(FlowResult flow) {
        return flow.ran() ? format(flow.duration()) : "";
    }

    /** "45s", "1m 5s", "2h 1s"; at least "1s". */
    public static String format(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        long seconds = Math.max(1, (millis + 999) / 1000);
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append("h ");
        }
        if (m > 0) {
            out.append(m).append("m ");
        }
        if (s > 0) {
            out.append(s).append("s");
        }
        return out.toString().strip();
    }
}
