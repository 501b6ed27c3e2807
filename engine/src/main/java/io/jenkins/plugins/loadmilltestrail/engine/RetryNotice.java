package io.jenkins.plugins.loadmilltestrail.engine;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A call to Loadmill or TestRail failed transiently and will be sent again after {@code delay}.
 * Reported through {@link ProgressListener#retrying}, so that a user watching a slow publish or
 * wait sees why nothing else happens.
 *
 * @param service "Loadmill" or "TestRail"
 * @param call what was being done, e.g. "get_cases" or "polling the test plan run"
 * @param cause why it failed: an HTTP status ("HTTP 503") or a network failure
 *     ("ConnectException: Failed to connect to …")
 * @param retry which retry comes next, from 1
 * @param delay how long until it is sent
 */
public record RetryNotice(String service, String call, String cause, int retry, Duration delay) {

    public RetryNotice {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(delay, "delay");
    }

    /** E.g. "TestRail: get_cases failed (HTTP 503); retry 2 in 1.5 s." */
    public String message() {
        return service + ": " + call + " failed (" + cause + "); retry " + retry + " in " + seconds(delay) + ".";
    }

    /** "250 ms" below a second, else seconds with one decimal: backoff waits are mostly short. */
    private static String seconds(Duration d) {
        long millis = d.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
