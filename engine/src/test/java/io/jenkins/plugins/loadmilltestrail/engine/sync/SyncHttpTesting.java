package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;

/** Real HTTP against the TestRail simulator: short timeouts, fast backoff, a private generous rate limit. */
final class SyncHttpTesting {
    static final String USER = "ci@example.com";
    static final String KEY = "sync-test-api-key-NEVER-SHOWN";
    static final OkHttpClient OK_HTTP = new OkHttpClient();

    private SyncHttpTesting() {}

    static TestRailSimulator simulator() {
        TestRailSimulator sim = TestRailSimulator.start();
        sim.addUser(USER, KEY);
        return sim;
    }

    static TestRailClient client(TestRailSimulator sim) {
        return client(sim, Duration.ofSeconds(5));
    }

    /** @param maxRetryWait how long one call may keep retrying (short where TestRail is cut off on purpose) */
    static TestRailClient client(TestRailSimulator sim, Duration maxRetryWait) {
        TestRailSettings settings = TestRailSettings.of(sim.url(), USER, KEY)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withMaxRetryWait(maxRetryWait);
        return new TestRailClient(settings, OK_HTTP,
                new RetryPolicy(new Backoff(Duration.ofMillis(5), Duration.ofMillis(30)), settings.maxRetryWait(), 8),
                new RateLimiter(RateLimiter.Limit.perMinute(1_000_000), System::nanoTime, Sleeper.SYSTEM), Sleeper.SYSTEM,
                ProgressListener.SILENT);
    }

    static TestRailSync sync(TestRailClient client, ProgressListener listener) {
        return new TestRailSync(client, listener, Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC));
    }
}
