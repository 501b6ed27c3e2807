package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.FAST;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.HTTP;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestSuiteScenario;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Refusals and failures, each with the message a user sees. */
class LoadmillClientErrorsTest {
    private final LoadmillSimulator sim = LoadmillSimulator.start();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        sim.close();
    }

    private CollectedResults run(LoadmillSettings settings) throws InterruptedException {
        return new LoadmillRunner(HTTP, settings, listener, FAST).run();
    }

    private TestPlanScenario simplePlan() {
        return sim.addTestPlan("Plan").suite("S", s -> s.passed("a").failedWithError("b", "boom"));
    }

    @Test
    void testConnectionDescribesTheServer() throws Exception {
        String answer = new LoadmillClient(HTTP, sim.url(), sim.token(), new CallStats()).testConnection();

        assertThat(answer).isEqualTo("Connected to Loadmill at " + sim.url() + " (token accepted)");
        assertThat(sim.calls(LoadmillSimulator.LIST_PLANS_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void testConnectionWithABadTokenSaysWhereToMakeOne() {
        LoadmillClient client = new LoadmillClient(HTTP, sim.url() + "/api/", "secret-xyz", new CallStats());

        assertThatThrownBy(client::testConnection)
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("rejected the API token")
                .hasMessageContaining(sim.url() + "/app/user/settings/security")
                .hasMessageNotContaining("secret-xyz");
    }

    @Test
    void testConnectionToSomethingElseSaysSo() {
        sim.faults().always(LoadmillSimulator.LIST_PLANS_ENDPOINT, Fault.html(200, "<html>Sign in</html>"));

        assertThatThrownBy(new LoadmillClient(HTTP, sim.url(), sim.token(), new CallStats())::testConnection)
                .hasMessageContaining("not the expected JSON").hasMessageContaining("<html>Sign in");
    }

    @Test
    void aPageThatEchoesTheTokenWithStatus200IsQuotedWithoutIt() {
        sim.faults().always(LoadmillSimulator.LIST_PLANS_ENDPOINT, Fault.echoingCredentials(200));
        String encoded = Base64.getEncoder().encodeToString((sim.token() + ":").getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(new LoadmillClient(HTTP, sim.url(), sim.token(), new CallStats())::testConnection)
                .hasMessageContaining("not the expected JSON (it starts with 'Authorization: Basic **** Credentials: **** ")
                .hasMessageNotContaining(sim.token())
                .hasMessageNotContaining(encoded.substring(0, 12));
    }

    @Test
    void launchErrIsShown() {
        TestPlanScenario plan = simplePlan().launchError("Test plan is already running");

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessage("Loadmill refused to start test plan " + plan.id() + ": Test plan is already running");
    }

    @Test
    void launchWithoutAnIdIsSaidPlainly() {
        TestPlanScenario plan = simplePlan().launchWithoutId();

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .hasMessageContaining("without a run id (testPlanRunId missing)");
    }

    @Test
    void aRunWithoutFlowsIsALoadmillError() {
        TestPlanScenario plan = sim.addTestPlan("Empty").suite("No CI flows", s -> { });

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("without running any flow")
                .hasMessageContaining("\"Run in CI\"");
    }

    @Test
    void unknownSuiteStopsTheSuitesAlreadyStarted() {
        TestSuiteScenario known = sim.addTestSuite("Known", s -> s.passed("a").runningPolls(5));
        String unknown = "0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f";

        assertThatThrownBy(() -> run(settings(sim).suiteIds(List.of(known.id(), unknown)).build()))
                .hasMessageContaining("no test suite with id " + unknown);
        assertThat(sim.stops()).extracting(s -> s.suiteRunId()).containsExactly(sim.launches().get(0).runId());
    }

    @Test
    void aDetailThatCannotBeFetchedLeavesANote() throws Exception {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.FLOW_RUN_ENDPOINT, Fault.status(500, "{\"message\":\"db down\"}"));

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).build());

        FlowResult failed = results.flows().filter(f -> f.name().equals("b")).findFirst().orElseThrow();
        assertThat(failed.failureText()).contains("could not be fetched").contains("HTTP 500").contains(failed.url());
        assertThat(sim.calls(LoadmillSimulator.FLOW_RUN_ENDPOINT)).isEqualTo(1); // a 500 is not transient
    }

    @Test
    void aStartWithoutAnAnswerIsNotRepeated() {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.START_PLAN_ENDPOINT, Fault.dropped());

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .hasMessageContaining("No answer from Loadmill while starting test plan")
                .hasMessageContaining("duplicate run");
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() {
        String url = sim.url();
        sim.close();
        AtomicInteger sleeps = new AtomicInteger();
        LoadmillRunner.Options options = FAST.withMaxConsecutiveFailures(3).withSleeper(d -> sleeps.incrementAndGet());
        LoadmillSettings settings = LoadmillSettings.builder().baseUrl(url).apiToken("t")
                .testPlanId("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f").build();

        assertThatThrownBy(() -> new LoadmillRunner(HTTP, settings, listener, options).run())
                .hasMessageContaining("Could not reach Loadmill at " + url);
        assertThat(sleeps).hasValue(2);
    }

    @Test
    void aServerErrorOnStartSaysToCheckTheRunsAndHidesTheToken() {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.START_PLAN_ENDPOINT,
                Fault.status(500, "{\"message\":\"cannot start for token " + sim.token() + "\"}"));

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("Loadmill answered HTTP 500 while starting test plan " + plan.id())
                .hasMessageContaining("cannot start for token ****")
                .hasMessageContaining("check the runs in Loadmill before trying again")
                .hasMessageNotContaining(sim.token());
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void anUnavailableLoadmillOnStartIsNotRepeated() {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.START_PLAN_ENDPOINT, Fault.status(503, "{}"));

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("HTTP 503 while starting test plan " + plan.id())
                .hasMessageContaining("the start was not repeated. Check the runs in Loadmill, then try again later.");
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void aClientErrorOnAReadSaysWhatToCheck() throws Exception {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.PLAN_RUN_ENDPOINT, Fault.status(400, "{\"message\":\"bad id\"}"));

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .hasMessageContaining("Loadmill answered HTTP 400 while test plan run ")
                .hasMessageContaining(": {\"message\":\"bad id\"}. Check the Loadmill URL (" + sim.url()
                        + ") and this job's Loadmill settings.");
    }

    @Test
    void aUrlWithUserInfoIsNeverShown() {
        for (String url : List.of("https://ci:pass word@app.loadmill.com", "https://ci:pass-word@app.loadmill.com")) {
            assertThatThrownBy(() -> LoadmillSettings.builder().baseUrl(url).apiToken("t")
                    .testPlanId("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f").build())
                    .hasMessageContaining("'https://****@app.loadmill.com'")
                    .hasMessageNotContaining("pass");
        }
    }

    @Test
    void forbiddenIsExplained() {
        TestPlanScenario plan = simplePlan();
        sim.faults().always(LoadmillSimulator.START_PLAN_ENDPOINT, Fault.status(403, "{}"));

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).build()))
                .hasMessageContaining("HTTP 403");
    }

    @Test
    void aPollWithoutSuiteRunsOrStatusIsNotTakenAsFinished() throws Exception {
        TestPlanScenario plan = simplePlan();
        sim.faults().onCall(LoadmillSimulator.PLAN_RUN_ENDPOINT, 1, Fault.status(200, "{\"status\":\"PASSED\"}"))
                .onCall(LoadmillSimulator.PLAN_RUN_ENDPOINT, 2, Fault.status(200, "{\"testSuitesRuns\":[]}"));

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).build());

        assertThat(results.flows()).hasSize(2);
        assertThat(sim.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT)).isEqualTo(4); // retried, no status, done, final
    }

    @Test
    void slowServerStillWorks() throws Exception {
        TestPlanScenario plan = simplePlan();
        sim.latency(Duration.ofMillis(30));

        assertThat(run(settings(sim).testPlanId(plan.id()).build()).flows()).hasSize(2);
    }
}
