package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.FAST;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.OK_HTTP;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.client;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.settings;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What one call may cost, over real HTTP: answers beyond the size cap fail (without reading them
 * whole), a trickling answer ends at the call timeout, and retries end within the maximum retry
 * wait. The caps are small here so that the tests stay light; the faults are far beyond them.
 */
@Timeout(30)
class TestRailLimitsTest {
    private static final long CAP = 64 * 1024;
    private static final long HUGE = 16L * 1024 * 1024;

    private TestRailSimulator sim;

    @BeforeEach
    void seed() {
        sim = simulator();
        sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestRailClient capped() {
        return client(settings(sim.url()).withMaxResponseBytes(CAP));
    }

    @Test
    void anAnswerAnnouncedLargerThanTheCapIsRefusedAndNotRetried() {
        sim.faults().always("get_projects", Fault.huge(HUGE, true));

        assertThatThrownBy(capped()::getProjects)
                .isInstanceOf(TestRailUnexpectedResponseException.class)
                .hasMessageContaining("The answer to get_projects from " + sim.url() + " is too large: it announces "
                        + HUGE + " bytes, more than the 64 KiB read of one answer")
                .hasMessageContaining("check the TestRail URL");
        assertThat(sim.calls("get_projects")).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutALengthIsCutAtTheCap() {
        sim.faults().always("get_projects", Fault.huge(HUGE, false));

        assertThatThrownBy(capped()::getProjects)
                .isInstanceOf(TestRailUnexpectedResponseException.class)
                .hasMessageContaining("is too large: it is larger than the 64 KiB read of one answer");
    }

    @Test
    void aGzipBombIsCutAtTheCapAfterDecoding() {
        sim.faults().always("get_projects", Fault.gzipBomb(HUGE));

        assertThatThrownBy(capped()::getProjects)
                .isInstanceOf(TestRailUnexpectedResponseException.class)
                .hasMessageContaining("is too large: it is larger than the 64 KiB read of one answer");
    }

    @Test
    void anAnswerWithinTheCapIsRead() throws InterruptedException {
        assertThat(client(settings(sim.url()).withMaxResponseBytes(1024)).getProjects()).hasSize(1);
    }

    @Test
    void aTricklingAnswerEndsAtTheCallTimeoutAndRetriesEndWithinTheRetryWait() {
        // One byte every 50 ms never trips the read timeout of 2 s: only the call timeout ends it.
        sim.faults().always("get_projects", Fault.trickle(Duration.ofMillis(50)));
        TestRailClient client = client(settings(sim.url()).withCallTimeout(Duration.ofMillis(600))
                .withMaxRetryWait(Duration.ofSeconds(1)));
        long start = System.nanoTime();

        assertThatThrownBy(client::getProjects)
                .isInstanceOf(TestRailUnavailableException.class)
                .hasMessageContaining("no complete answer within the call timeout of");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aSilentServerIsGivenUpOnWithinTheRetryWaitAttemptsIncluded() {
        // Every attempt ends by its read timeout, 500 ms; the backoff between them is tiny. Only
        // counting the attempts against the retry wait ends the call after about 0.5 s + 1 s
        // rather than after 12 attempts (6 s).
        sim.faults().always("get_projects", Fault.slow(Duration.ofSeconds(20)));
        TestRailSettings settings = settings(sim.url()).withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500))
                .withMaxRetryWait(Duration.ofSeconds(1));
        TestRailClient client = new TestRailClient(settings, OK_HTTP, new RetryPolicy(FAST, settings.maxRetryWait(), 12),
                new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM), Sleeper.SYSTEM,
                ProgressListener.SILENT);
        long start = System.nanoTime();

        assertThatThrownBy(client::getProjects).isInstanceOf(TestRailUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3500));
        assertThat(sim.calls("get_projects")).isLessThan(5);
    }
}
