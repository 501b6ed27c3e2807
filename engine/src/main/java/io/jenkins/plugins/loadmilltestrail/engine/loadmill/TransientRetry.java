package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.RequestNotSentException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Repeats a Loadmill call after transient failures, with backoff, until it succeeds or fails
 * {@link LoadmillRunner.Options#maxConsecutiveFailures()} times in a row. Every call starts with a
 * full budget, so a long wait survives any number of isolated hiccups.
 *
 * <p>Reads ({@link #call}) are repeated after any network error and 429/502/503/504 answers.
 * Launches ({@link #launch}) only when the request provably never left: one that was sent and then
 * lost may have started a run, and repeating it would start a second one.
 */
final class TransientRetry {
    /** A Loadmill call that may fail transiently. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException, InterruptedException;
    }

    private final LoadmillRunner.Options options;
    private final LoadmillClient client;
    private final ProgressListener listener;

    TransientRetry(LoadmillRunner.Options options, LoadmillClient client, ProgressListener listener) {
        this.options = options;
        this.client = client;
        this.listener = listener;
    }

    /** An idempotent call, e.g. {@code call("polling the test plan run", ...)}. */
    <T> T call(String what, Call<T> call) throws InterruptedException {
        return repeat(what, call, false);
    }

    /** A call that starts something, e.g. {@code launch("starting test plan 42", ...)}. */
    <T> T launch(String what, Call<T> call) throws InterruptedException {
        return repeat(what, call, true);
    }

    private <T> T repeat(String what, Call<T> call, boolean launch) throws InterruptedException {
        for (int failures = 1; ; failures++) {
            String problem;
            LoadmillException last;
            try {
                return call.call();
            } catch (RequestNotSentException e) {
                problem = HttpTransport.describe(e);
                last = client.unreachable(e);
            } catch (IOException e) {
                if (launch) {
                    throw new LoadmillException("No answer from Loadmill while " + what + " ("
                            + HttpTransport.describe(e) + "). It may have started a run anyway, so the request was "
                            + "not repeated (that could start a duplicate run): check the runs in Loadmill before "
                            + "trying again.", e);
                }
                problem = HttpTransport.describe(e);
                last = client.unreachable(e);
            } catch (LoadmillUnavailableException e) {
                if (launch) {
                    // 429 was refused, but a 502/503/504 from a proxy may hide a run that started.
                    throw new LoadmillException(e.getMessage() + " Loadmill is unavailable or rate limiting; the start "
                            + "was not repeated. Check the runs in Loadmill, then try again later.", e);
                }
                problem = e.getMessage();
                last = e;
            }
            if (failures >= options.maxConsecutiveFailures()) {
                throw new LoadmillException(last.getMessage() + " Gave up " + what + " after " + failures
                        + " failed attempts in a row; Loadmill may be down, try again later.", last);
            }
            Duration delay = options.backoff().delay(failures - 1);
            listener.warn(capitalized(what) + " failed (" + problem + "); retrying in " + delay.toMillis() + " ms.");
            client.stats().recordRetry();
            client.stats().recordBackoffWait(delay);
            options.sleeper().sleep(delay);
        }
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
