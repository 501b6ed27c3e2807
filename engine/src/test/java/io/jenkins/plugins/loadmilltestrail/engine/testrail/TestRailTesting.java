package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Clients for tests: short timeouts and backoff, a private generous rate limiter. */
final class TestRailTesting {
    static final String USER = "ci@example.com";
    static final String KEY = "s3cr3t-api-key-DO-NOT-LEAK";
    static final OkHttpClient OK_HTTP = new OkHttpClient();
    static final Backoff FAST = new Backoff(Duration.ofMillis(10), Duration.ofMillis(40));

    private TestRailTesting() {}

    static TestRailSettings settings(String url) {
        return TestRailSettings.of(url, USER, KEY).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withMaxRetryWait(Duration.ofSeconds(5));
    }

    static TestRailClient client(TestRailSimulator sim) {
        return client(settings(sim.url()));
    }

    static TestRailClient client(TestRailSettings settings) {
        return client(settings, ProgressListener.SILENT);
    }

    /** A client reporting its retries to {@code progress}. */
    static TestRailClient client(TestRailSettings settings, ProgressListener progress) {
        return new TestRailClient(settings, OK_HTTP, new RetryPolicy(FAST, settings.maxRetryWait(), 8),
                new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM), Sleeper.SYSTEM,
                progress);
    }

    /** A simulator with the test user. */
    static TestRailSimulator simulator() {
        TestRailSimulator sim = TestRailSimulator.start();
        sim.addUser(USER, KEY);
        return sim;
    }
}
