package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Repeats an idempotent Loadmill call after network errors and 429/502/503/504 answers, with
 * backoff, until it succeeds or fails {@code maxConsecutiveFailures} times in a row. Every call
 * starts with a full budget, so a long wait survives any number of isolated hiccups.
 */
final class TransientRetry {
    /** A Loadmill call that may fail transiently. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    private final int maxConsecutiveFailures;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final CallStats stats;
    private final ProgressListener listener;
    private final LoadmillClient client;

    TransientRetry(int maxConsecutiveFailures, Backoff backoff, Sleeper sleeper, LoadmillClient client,
            ProgressListener listener) {
        this.maxConsecutiveFailures = maxConsecutiveFailures;
        this.backoff = backoff;
        this.sleeper = sleeper;
        this.stats = client.stats();
        this.client = client;
        this.listener = listener;
    }

    <T> T call(String what, Call<T> call) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            String problem;
            LoadmillException last;
            try {
                return call.call();
            } catch (IOException e) {
                problem = LoadmillClient.describe(e);
                last = client.unreachable(e);
            } catch (LoadmillUnavailableException e) {
                problem = e.getMessage();
                last = e;
            }
            if (failures >= maxConsecutiveFailures) {
                throw new LoadmillException(last.getMessage() + " Gave up " + what + " after " + failures
                        + " failed attempts in a row; Loadmill may be down, try again later.", last);
            }
            Duration delay = backoff.delay(failures - 1);
            listener.warn(capitalized(what) + " failed (" + problem + "); retrying in " + delay.toMillis() + " ms.");
            stats.recordRetry();
            stats.recordBackoffWait(delay);
            sleeper.sleep(delay);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
