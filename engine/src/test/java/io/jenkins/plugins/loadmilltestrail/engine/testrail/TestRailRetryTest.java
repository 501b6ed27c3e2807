package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.client;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.LoggedRequest;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries of reads, Retry-After, the shared limiter and the retry budget. */
class TestRailRetryTest {
    private static final String LIMITED = "{\"error\":\"API Rate Limit Exceeded - 180 per minute maximum allowed.\"}";

    private TestRailSimulator sim;
    private ProjectSeed project;

    @BeforeEach
    void seed() {
        sim = simulator();
        project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Fault tooMany(String retryAfter) {
        return Fault.status(429, LIMITED).withHeader("Retry-After", retryAfter);
    }

    /** For every 429 with Retry-After r, the next request arrived at least r after that answer. */
    private static void assertNothingSentEarly(List<LoggedRequest> log, Duration retryAfter) {
        for (int i = 0; i + 1 < log.size(); i++) {
            if (log.get(i).status() == 429) {
                long gap = log.get(i + 1).receivedNanos() - log.get(i).answeredNanos();
                assertThat(Duration.ofNanos(gap)).as("gap after 429 #%d", i).isGreaterThanOrEqualTo(retryAfter);
            }
        }
    }

    @Test
    void a429StormIsWaitedOutWithoutSendingEarly() throws InterruptedException {
        sim.faults().onCalls("get_projects", 1, 4, tooMany("0.15"));
        TestRailClient client = client(sim);

        assertThat(client.getProjects()).hasSize(1);

        List<LoggedRequest> log = sim.requestLog();
        assertThat(log).extracting(LoggedRequest::status).containsExactly(429, 429, 429, 429, 200);
        assertNothingSentEarly(log, Duration.ofMillis(150));
        assertThat(client.stats().throttledResponses()).isEqualTo(4);
        assertThat(client.stats().retries()).isEqualTo(4);
        // Measured from when the waiting starts, slightly after the pause was set.
        assertThat(client.stats().rateLimitWait()).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }

    @Test
    void everyRetryIsReportedWithTheCallTheCauseAndTheWait() throws InterruptedException {
        sim.faults().onCall("get_projects", 1, Fault.status(503, "{}"))
                .onCall("get_projects", 2, Fault.dropped())
                .onCall("get_projects", 3, tooMany("0.05"));
        RecordingListener progress = new RecordingListener();

        assertThat(TestRailTesting.client(TestRailTesting.settings(sim.url()), progress).getProjects()).hasSize(1);

        assertThat(progress.retries).extracting(RetryNotice::service, RetryNotice::call, RetryNotice::retry)
                .containsExactly(tuple("TestRail", "get_projects", 1), tuple("TestRail", "get_projects", 2),
                        tuple("TestRail", "get_projects", 3));
        assertThat(progress.retries.get(0).cause()).isEqualTo("HTTP 503");
        assertThat(progress.retries.get(1).cause()).startsWith("IOException").contains("unexpected end of stream");
        assertThat(progress.retries.get(2).cause()).isEqualTo("HTTP 429, rate limited");
        assertThat(progress.retries.get(2).delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(progress.retries.get(0).delay()).isBetween(Duration.ofMillis(5), Duration.ofMillis(10));
        assertThat(progress.lines.get(0)).matches("RETRY TestRail: get_projects failed \\(HTTP 503\\); retry 1 in \\d+ ms\\.");
    }

    @Test
    void a429WithoutRetryAfterBacksOff() throws InterruptedException {
        sim.faults().onCalls("get_projects", 1, 2, Fault.status(429, LIMITED));
        sim.faults().onCall("get_projects", 3, tooMany("soon"));
        TestRailClient client = client(sim);
        assertThat(client.getProjects()).hasSize(1);
        assertThat(sim.calls("get_projects")).isEqualTo(4);
        assertThat(client.stats().throttledResponses()).isEqualTo(3);
    }

    @Test
    void whileOneClientWaitsForRetryAfterNoClientOfTheHostSends() throws Exception {
        RateLimiter shared = new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM);
        TestRailSettings settings = TestRailTesting.settings(sim.url());
        RetryPolicy policy = new RetryPolicy(TestRailTesting.FAST, settings.maxRetryWait(), 8);
        TestRailClient first = new TestRailClient(settings, TestRailTesting.OK_HTTP, policy, shared, Sleeper.SYSTEM,
                ProgressListener.SILENT);
        TestRailClient second = new TestRailClient(settings, TestRailTesting.OK_HTTP, policy, shared, Sleeper.SYSTEM,
                ProgressListener.SILENT);
        sim.faults().onCall("get_projects", 1, tooMany("0.4"));

        CompletableFuture<Integer> firstCall = CompletableFuture.supplyAsync(() -> {
            try {
                return first.getProjects().size();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (shared.slowdown() == 1) {
            Thread.sleep(2); // until the first client has its 429 and pauses the host
        }
        assertThat(second.getProject(project.id()).name()).isEqualTo("Checkout");
        assertThat(firstCall.get(5, TimeUnit.SECONDS)).isEqualTo(1);

        List<LoggedRequest> log = sim.requestLog();
        LoggedRequest refused = log.get(0);
        assertThat(refused.status()).isEqualTo(429);
        for (LoggedRequest later : log.subList(1, log.size())) {
            assertThat(Duration.ofNanos(later.receivedNanos() - refused.answeredNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
        assertThat(shared.slowdown()).isEqualTo(2);
    }

    @Test
    void aRetryAfterBeyondTheBudgetFailsAtOnce() {
        sim.faults().always("get_projects", tooMany("30"));
        TestRailClient client = client(TestRailTesting.settings(sim.url()).withMaxRetryWait(Duration.ofSeconds(2)));
        assertThatThrownBy(client::getProjects).isInstanceOf(TestRailRateLimitedException.class)
                .hasMessageContaining("requests per minute");
        assertThat(sim.calls("get_projects")).isEqualTo(1);
    }

    @Test
    void theSimulatorsOwnRateLimitIsHonoured() throws InterruptedException {
        sim.setRateLimit(3, Duration.ofMillis(300), true);
        TestRailClient client = client(sim);
        for (int i = 0; i < 5; i++) {
            client.getProject(project.id());
        }
        List<LoggedRequest> log = sim.requestLog();
        assertThat(log).filteredOn(r -> r.status() == 429).isNotEmpty();
        assertNothingSentEarly(log, Duration.ofSeconds(1));
        assertThat(log).filteredOn(r -> r.status() == 200).hasSize(5);
    }

    @Test
    void readsRetryMaintenanceAndServerErrors() throws InterruptedException {
        sim.faults().onCall("get_project", 1, Fault.status(409, "{\"error\":\"Maintenance\"}"));
        sim.faults().onCall("get_project", 2, Fault.status(500, "{\"error\":\"oops\"}"));
        sim.faults().onCall("get_project", 3, Fault.html(502, "<html>Bad gateway</html>"));
        sim.faults().onCall("get_project", 4, Fault.status(503, ""));
        sim.faults().onCall("get_project", 5, Fault.status(504, ""));
        sim.faults().onCall("get_project", 6, Fault.dropped());
        TestRailClient client = client(sim);
        assertThat(client.getProject(project.id()).name()).isEqualTo("Checkout");
        assertThat(sim.calls("get_project")).isEqualTo(7);
        assertThat(client.stats().retries()).isEqualTo(6);
        assertThat(client.stats().backoffWait()).isPositive();
    }

    @Test
    void readTimeoutsOfReadsAreRetried() throws InterruptedException {
        sim.faults().onCall("get_project", 1, Fault.slow(Duration.ofMillis(800)));
        TestRailClient client = client(TestRailTesting.settings(sim.url())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(250)));
        assertThat(client.getProject(project.id()).name()).isEqualTo("Checkout");
        assertThat(sim.calls("get_project")).isEqualTo(2);
    }

    @Test
    void anUnreachableServerFailsAfterTheBudget() {
        String url = sim.url();
        sim.close();
        TestRailClient client = client(TestRailTesting.settings(url).withMaxRetryWait(Duration.ofMillis(200)));
        assertThatThrownBy(client::getProjects).isInstanceOf(TestRailUnavailableException.class)
                .hasMessageContaining("Could not reach TestRail at " + url)
                .hasMessageContaining("proxy");
        assertThat(client.stats().retries()).isPositive();
    }

    @Test
    void anInterruptStopsAWaitingCall() throws Exception {
        sim.faults().always("get_projects", tooMany("20"));
        TestRailClient client = client(TestRailTesting.settings(sim.url()).withMaxRetryWait(Duration.ofMinutes(1)));
        CompletableFuture<Throwable> outcome = getProjectsInterruptedOnceSent(client);
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void anInterruptCancelsASlowCall() throws Exception {
        sim.faults().always("get_projects", Fault.slow(Duration.ofSeconds(3)));
        TestRailClient client = client(sim);
        CompletableFuture<Throwable> outcome = getProjectsInterruptedOnceSent(client);
        try {
            assertThat(outcome.get(2, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
        } catch (ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    /** Calls get_projects on another thread and interrupts it once the simulator has seen the call. */
    private CompletableFuture<Throwable> getProjectsInterruptedOnceSent(TestRailClient client)
            throws InterruptedException {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                client.getProjects();
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        while (sim.calls("get_projects") == 0) {
            Thread.sleep(5);
        }
        caller.interrupt();
        return outcome;
    }
}
