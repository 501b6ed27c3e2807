package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.RequestNotSentException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Repeats a Loadmill call after transient failures. Polls ({@link #poll}) are repeated until the
 * run's deadline, so that Loadmill being unavailable for a while does not end a long run; other
 * calls until they fail {@link LoadmillRunner.Options#maxConsecutiveFailures()} times in a row.
 * Every call starts afresh, so a long wait survives any number of isolated hiccups.
 *
 * <p>Between attempts: the server's Retry-After when it sends one, else backoff; either at most the
 * backoff's cap, so a poll never goes quiet for long, and never past a poll's deadline. Each retry
 * is reported to {@link ProgressListener#retrying}.
 *
 * <p>Reads are repeated after any network error and 429/502/503/504 answers. Launches ({@link
 * #launch}) only when the request provably never left: one that was sent and then lost may have
 * started a run, and repeating it would start a second one.
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

    /** An idempotent call, e.g. {@code call("fetching the finished test plan run", ...)}. */
    <T> T call(String what, Call<T> call) throws InterruptedException {
        return repeat(what, call, false, Optional.empty());
    }

    /** A poll of a run that must finish by {@code deadline}; transient failures are retried until then. */
    <T> T poll(String what, Instant deadline, Call<T> call) throws InterruptedException {
        return repeat(what, call, false, Optional.of(deadline));
    }

    /** A call that starts something, e.g. {@code launch("starting test plan 42", ...)}. */
    <T> T launch(String what, Call<T> call) throws InterruptedException {
        return repeat(what, call, true, Optional.empty());
    }

    private <T> T repeat(String what, Call<T> call, boolean launch, Optional<Instant> deadline)
            throws InterruptedException {
        for (int failures = 1; ; failures++) {
            String problem;
            LoadmillException last;
            Optional<Duration> retryAfter = Optional.empty();
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
                problem = e.reason();
                last = e;
                retryAfter = e.retryAfter();
            }
            Duration delay = retryAfter.isPresent() ? shorter(retryAfter.get(), options.backoff().max())
                    : options.backoff().delay(failures - 1);
            if (deadline.isPresent()) {
                Duration left = Duration.between(options.clock().instant(), deadline.get());
                if (left.isNegative() || left.isZero()) {
                    throw new LoadmillException(last.getMessage() + " Loadmill kept failing while " + what + " until "
                            + "the timeout (" + failures + " failed attempts in a row).", last);
                }
                delay = shorter(delay, left);
            } else if (failures >= options.maxConsecutiveFailures()) {
                throw new LoadmillException(last.getMessage() + " Gave up " + what + " after " + failures
                        + " failed attempts in a row; Loadmill may be down, try again later.", last);
            }
            listener.retrying(new RetryNotice("Loadmill", what, problem, failures, delay));
            client.stats().recordRetry();
            client.stats().recordBackoffWait(delay);
            options.sleeper().sleep(delay);
        }
    }

    private static Duration shorter(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
