package io.jenkins.plugins.loadmilltestrail.engine.bench;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.LoggedRequest;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import okhttp3.OkHttpClient;

/**
 * Prints figures for the TestRail client against the simulator; asserts nothing.
 *
 * <ol>
 *   <li>reading a suite of 20,000 cases (80 pages) at 20 ms simulated latency;</li>
 *   <li>posting 10,000 results (batches of 100) at 20 ms simulated latency;</li>
 *   <li>the rate limiter's accuracy: the most requests in any sliding window against its limit,
 *       once with a simulated clock (180 per minute, 10 minutes) and once for real over HTTP with
 *       the window shortened to one second (4 threads sharing one limiter of 40 per second).</li>
 * </ol>
 * Runs 1 and 2 use a client limit of 100,000 requests per minute, so that they measure the
 * client and not the limiter; at TestRail Cloud's 180 per minute the limiter alone would add
 * about (calls - 9) / 171 minutes.
 *
 * <p>Run from the repository root with {@code scripts/benchmark TestRailClientBenchmark} (it
 * builds the test classes once and runs the class in a JVM of its own, default heap of the script).
 */
public final class TestRailClientBenchmark {
    private static final String USER = "bench@example.com";
    private static final String KEY = "bench-key";
    private static final Duration LATENCY = Duration.ofMillis(20);
    /** Per one-second window: low enough that the limiter, not this 2-core machine, is the bottleneck. */
    private static final int HTTP_LIMIT = 40;

    private TestRailClientBenchmark() {}

    public static void main(String[] args) throws Exception {
        OkHttpClient okHttp = new OkHttpClient();
        try {
            readLargeSuite(okHttp);
            postManyResults(okHttp);
            limiterWithSimulatedClock();
            limiterOverHttp(okHttp);
        } finally {
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    private static TestRailClient client(TestRailSimulator sim, OkHttpClient okHttp, RateLimiter limiter) {
        TestRailSettings settings = TestRailSettings.of(sim.url(), USER, KEY).withRequestsPerMinute(100_000);
        return new TestRailClient(settings, okHttp, RetryPolicy.standard(settings.maxRetryWait()), limiter, Sleeper.SYSTEM,
                ProgressListener.SILENT);
    }

    private static RateLimiter generous() {
        return new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM);
    }

    private static void readLargeSuite(OkHttpClient okHttp) throws InterruptedException {
        try (TestRailSimulator sim = TestRailSimulator.start()) {
            sim.addUser(USER, KEY);
            ProjectSeed project = sim.addProject("Bench", TestRailSimulator.MULTIPLE_SUITES);
            SuiteSeed suite = project.addSuite("Big suite");
            for (int s = 0; s < 20; s++) {
                suite.addSection("Section " + s).addCases("Case " + s, 1_000);
            }
            sim.setLatency(LATENCY);
            TestRailClient client = client(sim, okHttp, generous());
            long start = System.nanoTime();
            int cases = client.getCases(project.id(), suite.id()).size();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("Read suite: %,d cases, %d get_cases calls, %d ms (%.1f ms per page, latency %d ms)%n",
                    cases, client.stats().calls("get_cases"), took.toMillis(),
                    took.toMillis() / (double) client.stats().calls("get_cases"), LATENCY.toMillis());
        }
    }

    private static void postManyResults(OkHttpClient okHttp) throws InterruptedException {
        try (TestRailSimulator sim = TestRailSimulator.start()) {
            sim.addUser(USER, KEY);
            ProjectSeed project = sim.addProject("Bench", TestRailSimulator.MULTIPLE_SUITES);
            SuiteSeed suite = project.addSuite("Big suite");
            List<SimCase> cases = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                cases.addAll(suite.addSection("Section " + s).addCases("Case " + s, 1_000));
            }
            sim.setLatency(LATENCY);
            TestRailClient client = client(sim, okHttp, generous());
            TestRun run = client.addRun(project.id(), new NewRun(suite.id(), "Bench run", "", OptionalLong.empty(),
                    cases.stream().map(SimCase::id).toList()));
            long start = System.nanoTime();
            int batch = 100;
            for (int from = 0; from < cases.size(); from += batch) {
                List<ResultEntry> entries = cases.subList(from, Math.min(cases.size(), from + batch)).stream()
                        .map(c -> new ResultEntry(c.id(), c.id() % 7 == 0 ? 5 : 1, "Loadmill flow " + c.title(), "2s",
                                "build 1", Map.of()))
                        .toList();
                client.addResultsForCases(run.id(), entries);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            CallStats stats = client.stats();
            System.out.printf("Post results: %,d results in %d add_results_for_cases calls (batch %d), %d ms "
                    + "(%.1f ms per call, latency %d ms); stored %,d%n", cases.size(), stats.calls("add_results_for_cases"),
                    batch, took.toMillis(), took.toMillis() / (double) stats.calls("add_results_for_cases"),
                    LATENCY.toMillis(), sim.results(run.id()).size());
        }
    }

    /** 180 per minute for ten simulated minutes of constant demand: exact, no scheduling noise. */
    private static void limiterWithSimulatedClock() throws InterruptedException {
        long[] now = {0};
        Sleeper advance = d -> now[0] += d.toNanos();
        RateLimiter limiter = new RateLimiter(RateLimiter.Limit.perMinute(180), () -> now[0], advance);
        List<Long> grants = new ArrayList<>();
        while (now[0] < Duration.ofMinutes(10).toNanos()) {
            limiter.acquire();
            grants.add(now[0]);
        }
        System.out.printf("Limiter (simulated clock, 180/min, 10 min): %d requests, most in any 60 s window %d "
                + "(limit 180), average %.1f per minute%n", grants.size(), mostInAnyWindow(grants, 60_000_000_000L),
                grants.size() / 10.0);
    }

    /** Four clients share one limiter of HTTP_LIMIT per second; the simulator's log is the judge. */
    private static void limiterOverHttp(OkHttpClient okHttp) throws Exception {
        try (TestRailSimulator sim = TestRailSimulator.start()) {
            sim.addUser(USER, KEY);
            RateLimiter shared = new RateLimiter(new RateLimiter.Limit(HTTP_LIMIT, Duration.ofSeconds(1)), System::nanoTime,
                    Sleeper.SYSTEM);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    TestRailClient client = client(sim, okHttp, shared);
                    workers.add(pool.submit(() -> {
                        while (System.nanoTime() < end) {
                            client.getStatuses();
                        }
                        return null;
                    }));
                }
                for (Future<?> worker : workers) {
                    worker.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<Long> arrivals = sim.requestLog().stream().map(LoggedRequest::receivedNanos).sorted().toList();
            System.out.printf("Limiter (real clock over HTTP, %d per 1 s window, 4 threads, 5 s): %d requests, most in "
                    + "any 1 s window %d (limit %d)%n", HTTP_LIMIT, arrivals.size(),
                    mostInAnyWindow(arrivals, 1_000_000_000L), HTTP_LIMIT);
        }
    }

    /** The most timestamps inside any half-open window [t, t + window). */
    private static int mostInAnyWindow(List<Long> sorted, long windowNanos) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < sorted.size(); end++) {
            while (sorted.get(end) - sorted.get(start) >= windowNanos) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }
}
