package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Runs one Loadmill job: start the test plan (or the suites), wait until everything has left
 * RUNNING, collect every flow's result. On timeout or interrupt it stops what still runs.
 *
 * <p>Not thread-safe; one instance per job. Interrupting the thread that called {@link #run()}
 * stops the Loadmill runs and returns within about one poll interval plus {@link
 * Options#stopTimeout()}; an interrupt during a start waits that long for its answer, to stop the
 * run it started. Polls are repeated through transient failures until the timeout; when polling
 * fails for good the runs are stopped too, since nobody waits for them any more.
 */
public final class LoadmillRunner {

    /**
     * How the runner works, beyond what the user configures.
     *
     * @param detailConcurrency flow details fetched at once (the SDK uses 3)
     * @param maxConsecutiveFailures a fetch gives up after this many failures in a row (a poll keeps
     *     trying until the timeout)
     * @param backoff waits between those attempts, and between failed polls
     * @param stopTimeout the whole budget for stopping runs after a timeout, interrupt or failed
     *     poll; also how long a start interrupted while under way waits for its answer
     * @param sleeper waits between polls and retries
     * @param clock measures the overall timeout
     */
    public record Options(int detailConcurrency, int maxConsecutiveFailures, Backoff backoff, Duration stopTimeout,
            Sleeper sleeper, Clock clock) {
        public static final Options DEFAULTS = new Options(3, 5, Backoff.DEFAULT, Duration.ofSeconds(5),
                Sleeper.SYSTEM, Clock.systemUTC());

        public Options {
            if (detailConcurrency < 1 || maxConsecutiveFailures < 1) {
                throw new IllegalArgumentException("detailConcurrency and maxConsecutiveFailures must be >= 1");
            }
        }

        public Options withDetailConcurrency(int value) {
            return new Options(value, maxConsecutiveFailures, backoff, stopTimeout, sleeper, clock);
        }

        public Options withMaxConsecutiveFailures(int value) {
            return new Options(detailConcurrency, value, backoff, stopTimeout, sleeper, clock);
        }

        public Options withBackoff(Backoff value) {
            return new Options(detailConcurrency, maxConsecutiveFailures, value, stopTimeout, sleeper, clock);
        }

        public Options withStopTimeout(Duration value) {
            return new Options(detailConcurrency, maxConsecutiveFailures, backoff, value, sleeper, clock);
        }

        public Options withSleeper(Sleeper value) {
            return new Options(detailConcurrency, maxConsecutiveFailures, backoff, stopTimeout, value, clock);
        }

        public Options withClock(Clock value) {
            return new Options(detailConcurrency, maxConsecutiveFailures, backoff, stopTimeout, sleeper, value);
        }
    }

    private final LoadmillSettings settings;
    private final ProgressListener listener;
    private final Options options;
    private final LoadmillClient client;
    private final TransientRetry retry;
    private final ResultCollector collector;

    /** What was started; the latest poll answer is kept for stopping. */
    private String planRunId = "";
    private final Map<String, String> suiteIdsByRun = new LinkedHashMap<>();
    private Optional<RunSnapshot> latest = Optional.empty();

    public LoadmillRunner(OkHttpClient http, LoadmillSettings settings, ProgressListener listener) {
        this(http, settings, listener, Options.DEFAULTS);
    }

    public LoadmillRunner(OkHttpClient http, LoadmillSettings settings, ProgressListener listener, Options options) {
        this.settings = settings;
        this.listener = listener;
        this.options = options;
        this.client = new LoadmillClient(http, settings.baseUrl(), settings.apiToken(), settings.httpLimits(),
                new CallStats());
        this.retry = new TransientRetry(options, client, listener);
        this.collector = new ResultCollector(client, retry, options.detailConcurrency(), listener,
                new SuiteNameResolver(settings.additionalDescription()));
    }

    /** Calls made so far, per endpoint. */
    public CallStats stats() {
        return client.stats();
    }

    /**
     * Starts, waits, collects.
     *
     * @throws LoadmillException when Loadmill refuses, fails, or the run produced nothing to publish
     * @throws LoadmillTimeoutException when the run did not finish in time (runs were stopped)
     * @throws InterruptedException when interrupted (runs were stopped)
     */
    public CollectedResults run() throws InterruptedException {
        RunKind kind = settings.runsTestPlan() ? RunKind.TEST_PLAN : RunKind.TEST_SUITES;
        RunSnapshot finished;
        try {
            start();
            finished = waitUntilFinished();
        } catch (InterruptedException e) {
            Thread.interrupted(); // a pending interrupt would cancel the stop calls at once
            List<String> stopped = stopRunning("aborted");
            listener.warn("Interrupted: " + (stopped.isEmpty() ? "no Loadmill run needed stopping."
                    : "stopped " + stopped.size() + " Loadmill suite run(s)."));
            throw e;
        }
        listener.phase("Collecting Loadmill results of " + finished.suites().size() + " suite run(s)");
        RunSnapshot full = fetch(Optional.empty());
        CollectedResults results = collector.collect(kind, settings.testPlanId(), full);
        listener.info("Collected " + results.flows().count() + " flows; Loadmill status " + results.status() + ".");
        return results;
    }

    private void start() throws InterruptedException {
        if (settings.runsTestPlan()) {
            String id = settings.testPlanId();
            listener.phase("Starting Loadmill test plan " + id);
            planRunId = launch("starting test plan " + id, () -> client.startTestPlan(settings, options.stopTimeout()));
            listener.phase("Started Loadmill test plan run " + client.webUrls().planRun(planRunId));
            stopIfInterrupted();
            return;
        }
        listener.phase("Starting " + settings.suiteIds().size() + " Loadmill test suite(s)");
        for (String suiteId : settings.suiteIds()) {
            String runId;
            try {
                runId = launch("starting test suite " + suiteId,
                        () -> client.startTestSuite(suiteId, settings, options.stopTimeout()));
            } catch (LoadmillException e) {
                // Nobody would wait for the suites already started: stop them.
                List<String> stopped = stopRunning("not all suites could be started");
                if (!stopped.isEmpty()) {
                    listener.warn("Stopped the " + stopped.size() + " suite run(s) already started.");
                }
                throw e;
            }
            suiteIdsByRun.put(runId, suiteId);
            listener.phase("Started Loadmill test suite run " + client.webUrls().suiteRun(runId));
            stopIfInterrupted();
        }
    }

    /**
     * One start. Interrupted while under way, it still waits a while for the answer (see {@link
     * LoadmillClient#startTestPlan}): a run it started is then known, and stopped by {@link #run()}.
     */
    private String launch(String what, TransientRetry.Call<String> start) throws InterruptedException {
        try {
            return retry.launch(what, start);
        } catch (InterruptedException e) {
            listener.warn("Interrupted while " + what + " before Loadmill answered: a run may have started anyway; "
                    + "check the runs in Loadmill.");
            throw e;
        }
    }

    /** A start that answered after an interrupt: the interrupt ends the job now, stopping what started. */
    private static void stopIfInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while starting Loadmill runs");
        }
    }

    private RunSnapshot waitUntilFinished() throws InterruptedException {
        Clock clock = options.clock();
        Instant started = clock.instant();
        Instant deadline = started.plus(settings.timeout());
        listener.phase("Waiting for Loadmill (polling every " + human(settings.pollInterval()) + ", timeout "
                + human(settings.timeout()) + ")");
        Set<String> reported = new HashSet<>();
        while (true) {
            Duration remaining = Duration.between(clock.instant(), deadline);
            options.sleeper().sleep(remaining.compareTo(settings.pollInterval()) < 0
                    ? (remaining.isNegative() ? Duration.ZERO : remaining) : settings.pollInterval());
            RunSnapshot snapshot;
            try {
                snapshot = fetch(Optional.of(deadline));
            } catch (LoadmillException e) {
                // Nobody would wait for the runs any more: stop them.
                List<String> stopped = stopRunning("Loadmill could not be polled");
                throw new LoadmillException(e.getMessage() + " " + stopOutcome(stopped), e);
            }
            latest = Optional.of(snapshot);
            for (SuiteRunSnapshot suite : snapshot.suites()) {
                if (!suite.status().isRunning() && reported.add(suite.id())) {
                    // Without its flows: a poll answer lists only some, and counts of those would mislead.
                    listener.suiteFinished(collector.suite(suite.withoutFlows(), Map.of()));
                }
            }
            listener.waiting(Duration.between(started, clock.instant()), (int) snapshot.finishedSuites(),
                    snapshot.suites().size());
            if (snapshot.finished()) {
                return snapshot;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw timedOut();
            }
        }
    }

    private LoadmillTimeoutException timedOut() {
        List<String> stopped = stopRunning("timed out after " + human(settings.timeout()));
        String what = settings.runsTestPlan() ? "test plan run " + client.webUrls().planRun(planRunId)
                : "test suite runs";
        return new LoadmillTimeoutException("The Loadmill " + what + " did not finish within the timeout of "
                + human(settings.timeout()) + ". " + stopOutcome(stopped) + " Raise the timeout if runs take longer.",
                stopped);
    }

    private static String stopOutcome(List<String> stopped) {
        return stopped.isEmpty() ? "No suite run could be stopped; stop them in Loadmill."
                : "Stopped the " + stopped.size() + " suite run(s) still running: " + String.join(", ", stopped) + ".";
    }

    /**
     * Stops every suite run still running, within {@link Options#stopTimeout()} in all. Never
     * throws: this runs while something else already went wrong.
     *
     * @return ids of the suite runs stopped
     */
    private List<String> stopRunning(String reason) {
        Instant deadline = options.clock().instant().plus(options.stopTimeout());
        LoadmillClient quick = client.withCallTimeout(options.stopTimeout());
        List<String> stopped = new ArrayList<>();
        try {
            List<String> running = new ArrayList<>();
            if (!planRunId.isEmpty()) {
                RunSnapshot current;
                try {
                    current = quick.getPlanRun(planRunId, false);
                } catch (IOException | LoadmillException e) {
                    current = latest.orElse(null);
                }
                if (current == null) {
                    listener.warn("Could not find out which suite runs of the plan run to stop; stop it in Loadmill: "
                            + client.webUrls().planRun(planRunId));
                    return stopped;
                }
                current.suites().stream().filter(s -> s.status().isRunning()).forEach(s -> running.add(s.id()));
            } else {
                Set<String> finished = new HashSet<>();
                latest.ifPresent(l -> l.suites().stream().filter(s -> !s.status().isRunning())
                        .forEach(s -> finished.add(s.id())));
                suiteIdsByRun.keySet().stream().filter(id -> !finished.contains(id)).forEach(running::add);
            }
            for (String suiteRunId : running) {
                if (!options.clock().instant().isBefore(deadline)) {
                    listener.warn("No time left to stop Loadmill suite run " + client.webUrls().suiteRun(suiteRunId));
                    continue;
                }
                try {
                    quick.stopSuiteRun(suiteRunId, "(stopped by loadmill-testrail: " + reason + ")");
                    stopped.add(suiteRunId);
                } catch (IOException | LoadmillException e) {
                    listener.warn("Could not stop Loadmill suite run " + client.webUrls().suiteRun(suiteRunId) + ": "
                            + (e instanceof IOException io ? HttpTransport.describe(io) : e.getMessage()));
                }
            }
        } catch (InterruptedException e) {
            // Interrupted again while stopping: give up stopping, keep the interrupt for the caller.
            Thread.currentThread().interrupt();
        }
        return stopped;
    }

    /**
     * The whole run now: the plan run, or each suite run (finished ones are not fetched again while
     * waiting). A poll (with the run's deadline) lists only some flows; without a deadline, this is
     * the final fetch of every flow.
     */
    private RunSnapshot fetch(Optional<Instant> pollDeadline) throws InterruptedException {
        boolean allFlows = pollDeadline.isEmpty();
        if (!planRunId.isEmpty()) {
            return read(allFlows ? "fetching the finished test plan run" : "polling the test plan run", pollDeadline,
                    () -> client.getPlanRun(planRunId, allFlows));
        }
        Map<String, SuiteRunSnapshot> previous = new LinkedHashMap<>();
        latest.ifPresent(l -> l.suites().forEach(s -> previous.put(s.id(), s)));
        List<SuiteRunSnapshot> suites = new ArrayList<>();
        for (Map.Entry<String, String> entry : suiteIdsByRun.entrySet()) {
            SuiteRunSnapshot known = previous.get(entry.getKey());
            if (!allFlows && known != null && !known.status().isRunning()) {
                suites.add(known);
                continue;
            }
            suites.add(read(allFlows ? "fetching the finished test suite run" : "polling the test suite run",
                    pollDeadline, () -> client.getSuiteRun(entry.getKey(), entry.getValue(), allFlows)));
        }
        boolean running = suites.stream().anyMatch(s -> s.status().isRunning());
        RunStatus status = running ? RunStatus.RUNNING : ResultCollector.worst(suites.stream().map(SuiteRunSnapshot::status).toList());
        Optional<Instant> start = suites.stream().map(SuiteRunSnapshot::startTime).flatMap(Optional::stream).min(Instant::compareTo);
        Optional<Instant> end = running ? Optional.empty()
                : suites.stream().map(SuiteRunSnapshot::endTime).flatMap(Optional::stream).max(Instant::compareTo);
        return new RunSnapshot("", "", status, start, end, suites);
    }

    /** A poll retried until its deadline, or a fetch retried a few times. */
    private <T> T read(String what, Optional<Instant> pollDeadline, TransientRetry.Call<T> call)
            throws InterruptedException {
        return pollDeadline.isPresent() ? retry.poll(what, pollDeadline.get(), call) : retry.call(what, call);
    }

    /** "10 s", "60 min", "250 ms". */
    static String human(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 120 || d.toSeconds() % 60 != 0) {
            return d.toSeconds() + " s";
        }
        return d.toMinutes() + " min";
    }
}
