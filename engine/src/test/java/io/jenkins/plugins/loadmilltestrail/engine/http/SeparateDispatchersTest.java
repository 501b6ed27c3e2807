package io.jenkins.plugins.loadmilltestrail.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every client calls through a dispatcher of its own, though all derive from one OkHttpClient (as
 * on a Jenkins controller): TestRail calls stuck on one client delay neither a Loadmill call nor
 * another TestRail client, although both simulators are on the same host, 127.0.0.1, whose five
 * calls at once OkHttp's shared dispatcher would allow.
 */
@Timeout(30)
class SeparateDispatchersTest {
    private static final String USER = "ci@example.com";
    private static final String KEY = "key-of-the-stuck-test";
    private static final Duration STUCK = Duration.ofSeconds(8);

    private final OkHttpClient shared = new OkHttpClient();
    private final TestRailSimulator testRail = TestRailSimulator.start();
    private final LoadmillSimulator loadmill = LoadmillSimulator.start();
    private final ExecutorService callers = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() {
        callers.shutdownNow();
        testRail.close();
        loadmill.close();
    }

    private TestRailClient testRailClient() {
        TestRailSettings settings = TestRailSettings.of(testRail.url(), USER, KEY)
                .withTimeouts(Duration.ofSeconds(2), STUCK.plusSeconds(5)).withCallTimeout(STUCK.plusSeconds(5))
                .withMaxRetryWait(Duration.ZERO);
        return new TestRailClient(settings, shared, RetryPolicy.standard(settings.maxRetryWait()),
                new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM), Sleeper.SYSTEM,
                ProgressListener.SILENT);
    }

    @Test
    void stuckTestRailCallsDelayNeitherLoadmillNorAnotherTestRailClient() throws Exception {
        testRail.addUser(USER, KEY);
        testRail.faults().always("get_projects", Fault.slow(STUCK));
        TestRailClient stuck = testRailClient();
        for (int i = 0; i < 6; i++) {
            callers.submit(stuck::getProjects);
        }
        long waitFrom = System.nanoTime();
        while (testRail.calls("get_projects") < 4 && System.nanoTime() - waitFrom < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(10);
        }
        assertThat(testRail.calls("get_projects")).as("stuck TestRail calls").isGreaterThanOrEqualTo(4);

        long start = System.nanoTime();
        String loadmillAnswer = new LoadmillClient(shared, loadmill.url(), loadmill.token(), new CallStats()).testConnection();
        Duration loadmillTook = Duration.ofNanos(System.nanoTime() - start);
        start = System.nanoTime();
        String user = testRailClient().currentUser().email();
        Duration testRailTook = Duration.ofNanos(System.nanoTime() - start);

        assertThat(loadmillAnswer).startsWith("Connected to Loadmill");
        assertThat(loadmillTook).isLessThan(Duration.ofSeconds(3));
        assertThat(user).isEqualTo(USER);
        assertThat(testRailTook).isLessThan(Duration.ofSeconds(3));
    }
}
