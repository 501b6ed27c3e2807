package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.FAST;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.HTTP;
import static io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.Launch;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestSuiteScenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadmillRunnerTest {
    private final LoadmillSimulator sim = LoadmillSimulator.start();
    private final RecordingListener listener = new RecordingListener();

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestPlanScenario nightly() {
        return sim.addTestPlan("Nightly")
                .suite("Orders API", s -> s.passed("Create order")
                        .failedAssertion("Cancel order", "__status", "equals", "200", "409")
                        .flaky("List orders", 1)
                        .stopped("Refund order"))
                .suite("Payments API", s -> s.passed("Pay")
                        .failedRequest("Refund", "HTTP status 500 - Internal Server Error")
                        .runningPolls(3))
                .runningPolls(1);
    }

    private CollectedResults run(LoadmillSettings settings) throws InterruptedException {
        return new LoadmillRunner(HTTP, settings, listener, FAST).run();
    }

    @Test
    void collectsAPlanWithTwoSuitesAndEveryFlowStatus() throws Exception {
        TestPlanScenario plan = nightly();

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).additionalDescription("Jenkins build #7").build());

        assertThat(results.kind()).isEqualTo(RunKind.TEST_PLAN);
        assertThat(results.testPlanId()).isEqualTo(plan.id());
        assertThat(results.testPlanName()).isEqualTo("Nightly");
        assertThat(results.status()).isEqualTo(RunStatus.FAILED);
        assertThat(results.planRunUrl()).isEqualTo(sim.url() + "/app/api-tests/test-plan-runs/" + results.planRunId());
        assertThat(results.suites()).extracting(SuiteResult::name).containsExactly("Orders API", "Payments API");
        assertThat(results.suites()).extracting(SuiteResult::runDescription)
                .containsExactly("Orders API Jenkins build #7", "Payments API Jenkins build #7");
        assertThat(results.suites().get(0).suiteId()).isEqualTo(plan.suite("Orders API").id());

        SuiteResult orders = results.suites().get(0);
        assertThat(orders.flows()).extracting(FlowResult::name, FlowResult::status, FlowResult::retries)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Create order", RunStatus.PASSED, 0),
                        org.assertj.core.groups.Tuple.tuple("Cancel order", RunStatus.FAILED, 0),
                        org.assertj.core.groups.Tuple.tuple("List orders", RunStatus.FLAKY, 1),
                        org.assertj.core.groups.Tuple.tuple("Refund order", RunStatus.STOPPED, 0));
        FlowResult create = orders.flows().get(0);
        assertThat(create.duration()).isEqualTo(Duration.ofSeconds(1));
        assertThat(create.failureText()).isEmpty();
        assertThat(create.suiteName()).isEqualTo("Orders API");
        assertThat(create.url()).isEqualTo(orders.url() + "/flows/" + create.flowRunId());
        FlowResult flaky = orders.flows().get(2);
        assertThat(flaky.duration()).isEqualTo(Duration.ofMillis(2200)); // last end - first start, two attempts
        assertThat(flaky.failureText()).isEmpty();
        assertThat(orders.flows().get(1).failureText())
                .isEqualTo("Cancel order - POST https://api.example.com/cancel-order\n"
                        + "Expected: __status Equals 200 / Actual: 409");
        FlowResult stopped = orders.flows().get(3);
        assertThat(stopped.ran()).isFalse();
        assertThat(stopped.duration()).isZero();
        assertThat(stopped.failureText()).isNotEmpty();
        assertThat(results.suites().get(1).flows().get(1).failureText())
                .isEqualTo("Refund - GET https://api.example.com/refund => HTTP status 500 - Internal Server Error");

        // the plan said FAILED after one poll, but Payments API ran for three: the runner waited for it
        assertThat(sim.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT)).isEqualTo(4 + 1);
        assertThat(listener.finishedSuites).extracting(SuiteResult::name).containsExactly("Orders API", "Payments API");
        assertThat(sim.calls(LoadmillSimulator.FLOW_RUN_ENDPOINT)).isEqualTo(3); // failed, stopped, refund
        assertThat(sim.launches().get(0).authScheme()).isEqualTo("Basic");
        assertThat(listener.all()).doesNotContain(sim.token());
        assertThat(listener.lines).contains("PHASE Starting Loadmill test plan " + plan.id(),
                "PHASE Started Loadmill test plan run " + results.planRunUrl(),
                "PHASE Waiting for Loadmill (polling every 20 ms, timeout 30 s)",
                "PHASE Collecting Loadmill results of 2 suite run(s)");
        assertThat(listener.waits.get()).isEqualTo(4);
    }

    @Test
    void runsTwoSuitesDirectly() throws Exception {
        TestSuiteScenario a = sim.addTestSuite("Orders API", s -> s.passed("Create order").runningPolls(2));
        TestSuiteScenario b = sim.addTestSuite("Payments API", s -> s.omitUrl()
                .failedWithError("Pay", "Setup failed: no base_url"));

        CollectedResults results = run(settings(sim).suiteIds(List.of(a.id(), b.id())).additionalDescription("ci").build());

        assertThat(results.kind()).isEqualTo(RunKind.TEST_SUITES);
        assertThat(results.planRunId()).isEmpty();
        assertThat(results.status()).isEqualTo(RunStatus.FAILED);
        assertThat(results.suites()).extracting(SuiteResult::name).containsExactly("Orders API", "Payments API");
        assertThat(results.suites()).extracting(SuiteResult::suiteId).containsExactly(a.id(), b.id());
        SuiteResult payments = results.suites().get(1);
        assertThat(payments.url()).isEqualTo(sim.url() + "/app/api-tests/test-suite-runs/" + payments.suiteRunId());
        assertThat(payments.flows().get(0).failureText()).isEqualTo("Setup failed: no base_url");
        assertThat(sim.launches()).extracting(Launch::target).containsExactly("test-suite", "test-suite");
        assertThat(results.runId()).isEqualTo(results.suites().get(0).suiteRunId());
        assertThat(sim.launches().get(0).body().keySet())
                .containsExactlyInAnyOrder("overrideParameters", "additionalDescription");
    }

    @Test
    void sendsEveryLaunchFieldThatIsSet() throws Exception {
        TestPlanScenario plan = nightly();
        run(settings(sim).testPlanId(plan.id()).labels(List.of("sanity", "orders")).labelsExpression("sanity & !wip")
                .pool("private").parallel(3).branch("main").tags(List.of("jenkins")).parameter("base_url", "https://x")
                .inlineParameterOverride(true).additionalDescription("build 9").maxFlakyFlowRetries(2).build());

        Launch launch = sim.launches().get(0);
        assertThat(launch.list("labels")).containsExactly("sanity", "orders");
        assertThat(launch.field("labelsExpression")).contains("sanity & !wip");
        assertThat(launch.field("pool")).contains("private");
        assertThat(launch.field("parallel")).contains(3);
        assertThat(launch.field("branch")).contains("main");
        assertThat(launch.list("tags")).containsExactly("jenkins");
        assertThat(launch.overrideParameters()).isEqualTo(Map.of("base_url", "https://x"));
        assertThat(launch.field("inlineParameterOverride")).contains(true);
        assertThat(launch.field("additionalDescription")).contains("build 9");
        assertThat(launch.field("maxFlakyFlowRetries")).contains(2);
    }

    @Test
    void suiteLaunchesSendTheSuiteFields() throws Exception {
        TestSuiteScenario suite = sim.addTestSuite("S", s -> s.passed("a"));
        run(settings(sim).suiteIds(List.of(suite.id())).labels(List.of("smoke")).pool("eu").parameter("k", "v")
                .labelsExpression("ignored for suites").build());

        Launch launch = sim.launches().get(0);
        assertThat(launch.body().keySet()).containsExactlyInAnyOrder("overrideParameters", "labels", "pool");
        assertThat(launch.list("labels")).containsExactly("smoke");
        assertThat(launch.overrideParameters()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void sendsOnlyOverrideParametersWhenNothingElseIsSet() throws Exception {
        TestPlanScenario plan = nightly();
        run(settings(sim).testPlanId(plan.id()).build());

        Launch launch = sim.launches().get(0);
        assertThat(launch.body().keySet()).containsExactlyInAnyOrder("overrideParameters", "inlineParameterOverride");
        assertThat(launch.overrideParameters()).isEmpty();
    }

    @Test
    void fetchesFlowDetailsWithBoundedConcurrency() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Many failures").suite("S", s -> {
            for (int i = 0; i < 12; i++) {
                s.failedWithError("Flow " + i, "error " + i);
            }
        });
        sim.faults().always(LoadmillSimulator.FLOW_RUN_ENDPOINT, Fault.slow(Duration.ofMillis(30)));

        CollectedResults results = new LoadmillRunner(HTTP, settings(sim).testPlanId(plan.id()).build(), listener,
                FAST.withDetailConcurrency(2)).run();

        assertThat(sim.calls(LoadmillSimulator.FLOW_RUN_ENDPOINT)).isEqualTo(12);
        assertThat(sim.peakConcurrency(LoadmillSimulator.FLOW_RUN_ENDPOINT)).isBetween(1, 2);
        assertThat(results.flows()).extracting(FlowResult::failureText)
                .containsExactly(java.util.stream.IntStream.range(0, 12).mapToObj(i -> "error " + i).toArray(String[]::new));
    }

    @Test
    void pollsThroughTransientErrors() throws Exception {
        TestPlanScenario plan = nightly();
        sim.faults().onCalls(LoadmillSimulator.PLAN_RUN_ENDPOINT, 1, 3, Fault.status(503, "{}"))
                .onCall(LoadmillSimulator.PLAN_RUN_ENDPOINT, 5, Fault.dropped())
                .onCall(LoadmillSimulator.FLOW_RUN_ENDPOINT, 1, Fault.status(502, "{}"));

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).build());

        assertThat(results.flows()).hasSize(6);
        assertThat(results.flows().filter(f -> f.failureText().contains("could not be fetched"))).isEmpty();
        assertThat(listener.all()).contains("HTTP 503");
    }

    @Test
    void pollsThroughAnOutageLongerThanFiveFailuresAndReportsEachRetry() throws Exception {
        TestPlanScenario plan = nightly();
        sim.faults().onCalls(LoadmillSimulator.PLAN_RUN_ENDPOINT, 2, 31, Fault.status(503, "{}"));

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).build());

        assertThat(results.flows()).hasSize(6);
        assertThat(listener.retries).hasSize(30).allSatisfy(retry -> {
            assertThat(retry.service()).isEqualTo("Loadmill");
            assertThat(retry.call()).isEqualTo("polling the test plan run");
            assertThat(retry.cause()).isEqualTo("HTTP 503");
            assertThat(retry.delay()).isBetween(Duration.ofMillis(2), Duration.ofMillis(20));
        });
        assertThat(listener.retries).extracting(RetryNotice::retry).startsWith(1, 2, 3).endsWith(30);
        assertThat(listener.lines).contains("RETRY " + listener.retries.get(0).message());
    }

    @Test
    void anOutageUntilTheTimeoutStopsTheRunsAndSaysSo() {
        TestPlanScenario plan = sim.addTestPlan("Stuck")
                .suite("Forever 1", s -> s.passed("a").neverFinishes())
                .suite("Forever 2", s -> s.passed("b").neverFinishes());
        sim.faults().onCalls(LoadmillSimulator.PLAN_RUN_ENDPOINT, 2, Integer.MAX_VALUE, Fault.status(503, "{}"));

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).timeout(Duration.ofMillis(400)).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("Loadmill answered HTTP 503 while test plan run")
                .hasMessageContaining("Loadmill kept failing while polling the test plan run until the timeout")
                .hasMessageContaining("Stopped the 2 suite run(s) still running");
        assertThat(sim.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT)).as("polls and the stop's look-up").isGreaterThan(6);
        assertThat(sim.stops()).extracting(s -> s.suiteRunId())
                .containsExactlyElementsOf(sim.suiteRunIds(sim.launches().get(0).runId()));
    }

    @Test
    void aPollHonoursRetryAfter() throws Exception {
        TestPlanScenario plan = nightly();
        sim.faults().onCall(LoadmillSimulator.PLAN_RUN_ENDPOINT, 2, Fault.status(429, "{}").withHeader("Retry-After", "0.3"));
        List<Duration> sleeps = new CopyOnWriteArrayList<>();

        new LoadmillRunner(HTTP, settings(sim).testPlanId(plan.id()).build(), listener,
                FAST.withBackoff(new Backoff(Duration.ofMillis(5), Duration.ofSeconds(1))).withSleeper(sleeps::add)).run();

        assertThat(listener.retries).singleElement().satisfies(retry -> {
            assertThat(retry.cause()).isEqualTo("HTTP 429");
            assertThat(retry.delay()).isEqualTo(Duration.ofMillis(300));
        });
        assertThat(sleeps).contains(Duration.ofMillis(300));
    }

    @Test
    void aFinishedSuiteIsReportedWithoutThePartialFlowsOfAPollAnswer() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Bulk").suite("Bulk", s -> {
            for (int i = 0; i < 40; i++) {
                s.passed("Flow " + i);
            }
            s.failedWithError("Broken 1", "boom").failedWithError("Broken 2", "boom").pollListsFirstFlows(2);
        });

        CollectedResults results = run(settings(sim).testPlanId(plan.id()).build());

        assertThat(listener.finishedSuites).singleElement().satisfies(suite -> {
            assertThat(suite.name()).isEqualTo("Bulk");
            assertThat(suite.status()).isEqualTo(RunStatus.FAILED);
            assertThat(suite.flows()).as("no counts from a poll's partial list").isEmpty();
        });
        assertThat(results.suites().get(0).flows()).hasSize(42);
    }

    @Test
    void timeoutStopsTheRunningSuites() {
        TestPlanScenario plan = sim.addTestPlan("Stuck")
                .suite("Done", s -> s.passed("a"))
                .suite("Forever 1", s -> s.passed("b").neverFinishes())
                .suite("Forever 2", s -> s.passed("c").neverFinishes());

        assertThatThrownBy(() -> run(settings(sim).testPlanId(plan.id()).timeout(Duration.ofMillis(200)).build()))
                .isInstanceOfSatisfying(LoadmillTimeoutException.class, e -> {
                    assertThat(e.stoppedSuiteRunIds()).hasSize(2);
                    assertThat(e.getMessage()).contains("did not finish within the timeout of 200 ms")
                            .contains("Stopped the 2 suite run(s)");
                    assertThat(e.kind()).isEqualTo(EngineException.Kind.LOADMILL);
                });
        assertThat(sim.stops()).hasSize(2);
        List<String> runIds = sim.suiteRunIds(sim.launches().get(0).runId());
        assertThat(sim.stops()).extracting(s -> s.suiteRunId()).containsExactly(runIds.get(1), runIds.get(2));
    }

    @Test
    void interruptStopsTheRunsAndReturnsPromptly() throws Exception {
        TestSuiteScenario a = sim.addTestSuite("Forever", s -> s.passed("x").neverFinishes());
        LoadmillSettings settings = settings(sim).suiteIds(List.of(a.id())).pollInterval(Duration.ofMillis(200)).build();
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                run(settings);
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        worker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sim.calls(LoadmillSimulator.SUITE_RUN_ENDPOINT) < 2 && worker.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(sim.calls(LoadmillSimulator.SUITE_RUN_ENDPOINT)).as("polls before the interrupt").isGreaterThanOrEqualTo(2);
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
        assertThat(sim.stops()).extracting(s -> s.suiteRunId()).containsExactly(sim.launches().get(0).runId());
        assertThat(sim.stops().get(0).additionalDescription()).contains("aborted");
    }

    @Test
    void anInterruptDuringTheStartStopsTheRunItStarted() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Forever")
                .suite("A", s -> s.passed("a").neverFinishes())
                .suite("B", s -> s.passed("b").neverFinishes());
        // The start answers late: the interrupt comes while it is under way.
        sim.faults().onCall(LoadmillSimulator.START_PLAN_ENDPOINT, 1, Fault.slow(Duration.ofMillis(500)));
        Throwable[] thrown = new Throwable[1];
        Thread worker = new Thread(() -> {
            try {
                run(settings(sim).testPlanId(plan.id()).build());
            } catch (Throwable t) {
                thrown[0] = t;
            }
        });
        worker.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        worker.interrupt();
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown[0]).isInstanceOf(InterruptedException.class);
        assertThat(sim.launches()).hasSize(1);
        assertThat(sim.stops()).extracting(s -> s.suiteRunId())
                .containsExactlyElementsOf(sim.suiteRunIds(sim.launches().get(0).runId()));
        assertThat(sim.stops()).allSatisfy(s -> assertThat(s.additionalDescription()).contains("aborted"));
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void badTokenIsReportedWithoutTheToken() {
        TestPlanScenario plan = nightly();
        LoadmillSettings settings = settings(sim).testPlanId(plan.id()).apiToken("wrong-token-123").build();

        assertThatThrownBy(() -> run(settings))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("rejected the API token (HTTP 401)")
                .hasMessageContaining(sim.url() + "/app/user/settings/security")
                .hasMessageNotContaining("wrong-token-123");
    }

    @Test
    void unknownPlanNamesTheId() {
        String id = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
        assertThatThrownBy(() -> run(settings(sim).testPlanId(id).build()))
                .isInstanceOf(LoadmillException.class)
                .hasMessageContaining("no test plan with id " + id);
        assertThat(sim.calls(LoadmillSimulator.START_PLAN_ENDPOINT)).isEqualTo(1);
    }

    @Test
    void malformedIdsFailBeforeAnyCall() {
        assertThatThrownBy(() -> settings(sim).testPlanId("not-a-uuid").build())
                .isInstanceOf(io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException.class)
                .hasMessageContaining("not-a-uuid");
        assertThatThrownBy(() -> settings(sim).suiteIds(List.of(" ")).build())
                .hasMessageContaining("blank");
        assertThat(sim.faults().totalCount()).isZero();
    }
}
