package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;

/** Shared setup for tests against the Loadmill simulator: short intervals, fast backoff. */
final class LoadmillTestSupport {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();
    static final LoadmillRunner.Options FAST = LoadmillRunner.Options.DEFAULTS
            .withBackoff(new Backoff(Duration.ofMillis(5), Duration.ofMillis(20)))
            .withStopTimeout(Duration.ofSeconds(3));

    private LoadmillTestSupport() {}

    /** Settings pointing at the simulator, polling every 20 ms, with a generous timeout. */
    static LoadmillSettings.Builder settings(LoadmillSimulator sim) {
        return LoadmillSettings.builder().baseUrl(sim.url()).apiToken(sim.token())
                .pollInterval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(30));
    }
}
