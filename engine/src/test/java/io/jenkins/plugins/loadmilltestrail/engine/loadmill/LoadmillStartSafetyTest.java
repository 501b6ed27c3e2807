package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.FAST;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestSuiteScenario;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A start POST is repeated only when it provably never left: a repeated start that did arrive
 * would start a second Loadmill run. Each test has its own OkHttp client, so connection reuse is
 * under the test's control (a reused connection that turns out dropped is what OkHttp's own
 * silent retry would have repeated).
 */
class LoadmillStartSafetyTest {
    private final LoadmillSimulator sim = LoadmillSimulator.start();
    private final RecordingListener listener = new RecordingListener();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(10, TimeUnit.SECONDS).build();

    @AfterEach
    void stop() {
        sim.close();
        http.connectionPool().evictAll();
    }

    @Test
    void aStartDroppedOnAReusedConnectionIsNotRepeated() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Plan").suite("S", s -> s.passed("a"));
        // A first call leaves a kept-alive connection in the pool; the start goes out on it.
        new LoadmillClient(http, sim.url(), sim.token(), new CallStats()).testConnection();
        sim.faults().onCall(LoadmillSimulator.START_PLAN_ENDPOINT, 1, Fault.dropped());

        assertThatThrownBy(() -> new LoadmillRunner(http, settings(sim).testPlanId(plan.id()).build(), listener, FAST)
                .run())
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("No answer from Loadmill while starting test plan " + plan.id())
                .hasMessageContaining("check the runs in Loadmill");
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void aSecondSuiteStartDroppedIsNotRepeatedAndTheFirstIsStopped() {
        TestSuiteScenario a = sim.addTestSuite("A", s -> s.passed("a").runningPolls(5));
        TestSuiteScenario b = sim.addTestSuite("B", s -> s.passed("b"));
        // The second start reuses the first one's connection.
        sim.faults().onCall(LoadmillSimulator.START_SUITE_ENDPOINT, 2, Fault.dropped());

        assertThatThrownBy(() -> new LoadmillRunner(http, settings(sim).suiteIds(List.of(a.id(), b.id())).build(),
                listener, FAST).run())
                .hasMessageContaining("No answer from Loadmill while starting test suite " + b.id());
        assertThat(sim.calls(LoadmillSimulator.START_SUITE_ENDPOINT)).isEqualTo(2);
        assertThat(sim.launches()).hasSize(1);
        assertThat(sim.stops()).extracting(s -> s.suiteRunId()).containsExactly(sim.launches().get(0).runId());
    }

    @Test
    void aStartThatNeverLeftIsRetriedAndRunsOnce() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Plan").suite("S", s -> s.passed("a"));
        // An application interceptor fails before OkHttp sends anything, like a refused connection.
        AtomicInteger refusals = new AtomicInteger(2);
        OkHttpClient refusingTwice = http.newBuilder().addInterceptor(chain -> {
            if (refusals.getAndDecrement() > 0) {
                throw new ConnectException("Connection refused");
            }
            return chain.proceed(chain.request());
        }).build();

        CollectedResults results = new LoadmillRunner(refusingTwice, settings(sim).testPlanId(plan.id()).build(),
                listener, FAST).run();

        assertThat(results.flows().count()).isEqualTo(1);
        assertThat(sim.launches()).hasSize(1);
        assertThat(listener.lines).filteredOn(l -> l.startsWith("RETRY Loadmill: starting test plan " + plan.id()
                + " failed (ConnectException")).hasSize(2);
    }
}
