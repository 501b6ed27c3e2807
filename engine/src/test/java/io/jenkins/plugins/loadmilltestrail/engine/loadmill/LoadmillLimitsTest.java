package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.FAST;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.HTTP;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The size cap and the call timeout on Loadmill calls, over real HTTP; small caps keep the tests light. */
@Timeout(30)
class LoadmillLimitsTest {
    private static final long HUGE = 16L * 1024 * 1024;

    private final LoadmillSimulator sim = LoadmillSimulator.start();

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aGzipBombWhilePollingFailsTheRunWithoutRetrying() {
        TestPlanScenario plan = sim.addTestPlan("Plan").suite("S", s -> s.passed("a").runningPolls(5));
        sim.faults().always(LoadmillSimulator.PLAN_RUN_ENDPOINT, Fault.gzipBomb(HUGE));
        LoadmillSettings capped = settings(sim).testPlanId(plan.id()).maxResponseBytes(64L * 1024).build();

        RecordingListener listener = new RecordingListener();
        assertThatThrownBy(() -> new LoadmillRunner(HTTP, capped, listener, FAST).run())
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("Loadmill's answer while test plan run ")
                .hasMessageContaining("is too large: it is larger than the 64 KiB read of one answer")
                .hasMessageContaining("check that the Loadmill URL " + sim.url());
        assertThat(listener.retries).as("the poll is not retried").isEmpty();
        // the poll, then one look-up of the plan run's suite runs to stop them (which is too large too)
        assertThat(sim.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT)).isEqualTo(2);
    }

    @Test
    void aTooLargeAnswerToAStartSaysARunMayHaveStarted() {
        TestPlanScenario plan = sim.addTestPlan("Plan").suite("S", s -> s.passed("a"));
        sim.faults().always(LoadmillSimulator.START_PLAN_ENDPOINT, Fault.huge(HUGE, true));
        LoadmillSettings capped = settings(sim).testPlanId(plan.id()).maxResponseBytes(64L * 1024).build();

        assertThatThrownBy(() -> new LoadmillRunner(HTTP, capped, new RecordingListener(), FAST).run())
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("it announces " + HUGE + " bytes")
                .hasMessageContaining("may have started the run anyway");
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void aTricklingAnswerEndsAtTheCallTimeout() {
        sim.faults().always(LoadmillSimulator.LIST_PLANS_ENDPOINT, Fault.trickle(Duration.ofMillis(50)));
        HttpLimits limits = HttpLimits.DEFAULTS.withCallTimeout(Duration.ofMillis(500));
        LoadmillClient client = new LoadmillClient(HTTP, sim.url(), sim.token(), limits, new CallStats());
        long start = System.nanoTime();

        assertThatThrownBy(client::testConnection)
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("Could not reach Loadmill at " + sim.url()
                        + " (InterruptedIOException: no complete answer within the call timeout of 500 ms)");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void settingsRefuseACallWithoutDeadline() {
        assertThatThrownBy(() -> LoadmillSettings.builder().apiToken("t").testPlanId(
                "0b7f8f5e-3a4b-4c1d-9e2f-123456789abc").callTimeout(Duration.ZERO).build())
                .hasMessageContaining("The Loadmill call timeout must be positive");
    }
}
