package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TwoCaseProject;
import java.net.ConnectException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Writes under injected faults: never a duplicate suite, section, case, run, plan, plan entry or
 * result, proved by counting what the simulator holds.
 */
class TestRailWriteSafetyTest {
    private TestRailSimulator sim;
    private TwoCaseProject seed;

    @BeforeEach
    void seed() {
        sim = simulator();
        seed = TwoCaseProject.seed(sim, "Orders API");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** A client whose read timeout (400 ms) is well below the slow answers (1 s) yet above normal ones under load. */
    private TestRailClient client() {
        return TestRailTesting.client(TestRailTesting.settings(sim.url())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(400)));
    }

    /** Where and how a write fails, and how many requests of it the server then saw. */
    enum Mishap {
        SERVER_ERROR_BEFORE_COMMIT(false, Fault.status(500, "{\"error\":\"oops\"}"), 2),
        BAD_GATEWAY_BEFORE_COMMIT(false, Fault.html(502, "<html>Bad Gateway</html>"), 2),
        UNAVAILABLE_BEFORE_COMMIT(false, Fault.status(503, ""), 2),
        DROPPED_BEFORE_COMMIT(false, Fault.dropped(), 2),
        RATE_LIMITED(false, Fault.status(429, "{\"error\":\"API Rate Limit Exceeded\"}").withHeader("Retry-After", "0.05"), 2),
        MAINTENANCE(false, Fault.status(409, "{\"error\":\"maintenance\"}"), 2),
        SERVER_ERROR_AFTER_COMMIT(true, Fault.status(500, "{\"error\":\"oops\"}"), 1),
        GATEWAY_TIMEOUT_AFTER_COMMIT(true, Fault.html(504, "<html>Gateway Timeout</html>"), 1),
        DROPPED_AFTER_COMMIT(true, Fault.dropped(), 1),
        READ_TIMEOUT_AFTER_COMMIT(true, Fault.slow(Duration.ofSeconds(1)), 1);

        final boolean afterCommit;
        final Fault fault;
        final int requests;

        Mishap(boolean afterCommit, Fault fault, int requests) {
            this.afterCommit = afterCommit;
            this.fault = fault;
            this.requests = requests;
        }

        void inject(TestRailSimulator sim, String method) {
            (afterCommit ? sim.faultsAfterCommit() : sim.faults()).onCall(method, 1, fault);
        }
    }

    /** One kind of creation: the API method, the call, and how many such entities exist. */
    private interface Creation {
        long create(TestRailClient client) throws InterruptedException;
    }

    private void assertCreatedOnce(Mishap mishap, String method, Creation creation, java.util.function.LongSupplier count)
            throws InterruptedException {
        TestRailClient client = client();
        long before = count.getAsLong();
        mishap.inject(sim, method);
        long id = creation.create(client);
        assertThat(id).isPositive();
        assertThat(count.getAsLong()).as("entities after " + mishap).isEqualTo(before + 1);
        assertThat(sim.calls(method)).as("requests of " + method).isEqualTo(mishap.requests);
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addSuiteIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        assertCreatedOnce(mishap, "add_suite", c -> c.addSuite(seed.project().id(), "Payments API", "").id(),
                () -> sim.suites(seed.project().id()).stream().filter(s -> s.name().equals("Payments API")).count());
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addSectionIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        assertCreatedOnce(mishap, "add_section",
                c -> c.addSection(seed.project().id(), seed.suite().id(), "Nested", OptionalLong.of(seed.section().id())).id(),
                () -> sim.sections(seed.suite().id()).stream().filter(s -> s.name().equals("Nested")).count());
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addCaseIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        assertCreatedOnce(mishap, "add_case", c -> c.addCase(seed.section().id(), NewCase.titled("Refund order")).id(),
                () -> sim.cases(seed.suite().id()).stream().filter(k -> k.title().equals("Refund order")).count());
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addRunIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        assertCreatedOnce(mishap, "add_run",
                c -> c.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 7", "", OptionalLong.empty(),
                        List.of(seed.first().id()))).id(),
                () -> sim.runs().stream().filter(r -> r.name().equals("Build 7")).count());
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addPlanIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        assertCreatedOnce(mishap, "add_plan",
                c -> {
                    var plan = c.addPlan(seed.project().id(), new NewPlan("Nightly 7", "", OptionalLong.empty(),
                            List.of(new NewRun(seed.suite().id(), "Orders", "", OptionalLong.empty(), List.of(seed.first().id())))));
                    assertThat(plan.entries()).hasSize(1);
                    return plan.id();
                },
                () -> sim.plans().stream().filter(p -> p.name().equals("Nightly 7")).count());
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void addPlanEntryIsNeverDuplicated(Mishap mishap) throws InterruptedException {
        long planId = client().addPlan(seed.project().id(), new NewPlan("Nightly", "", OptionalLong.empty(), List.of())).id();
        assertCreatedOnce(mishap, "add_plan_entry",
                c -> c.addPlanEntry(planId, new NewRun(seed.suite().id(), "Orders", "", OptionalLong.empty(),
                        List.of(seed.first().id()))).runs().get(0).id(),
                () -> sim.plan(planId).orElseThrow().entries().size());
    }

    /** A delete whose answer was lost is settled by reading the entity back: TestRail's 400 for its id means gone. */
    @ParameterizedTest
    @EnumSource(Mishap.class)
    void deletesAreSentAgainOnlyWhenTheEntityIsStillThere(Mishap mishap) throws InterruptedException {
        TestRailClient client = client();
        mishap.inject(sim, "delete_case");
        mishap.inject(sim, "delete_section");
        mishap.inject(sim, "delete_suite");
        long other = client.addSuite(seed.project().id(), "Payments API", "").id();
        long empty = client.addSection(seed.project().id(), seed.suite().id(), "Empty", OptionalLong.empty()).id();

        client.deleteCase(seed.first().id());
        client.deleteSection(empty);
        client.deleteSuite(other);

        assertThat(sim.testCase(seed.first().id())).isEmpty();
        assertThat(sim.sections(seed.suite().id())).extracting(s -> s.id()).doesNotContain(empty);
        assertThat(sim.suites(seed.project().id())).extracting(s -> s.id()).containsExactly(seed.suite().id());
        assertThat(List.of(sim.calls("delete_case"), sim.calls("delete_section"), sim.calls("delete_suite")))
                .as("requests of each delete").containsOnly(mishap.requests);
    }

    @ParameterizedTest
    @EnumSource(Mishap.class)
    void aResultBatchIsNeverStoredTwice(Mishap mishap) throws InterruptedException {
        TestRailClient client = client();
        TestRun run = client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 8", "", OptionalLong.empty(),
                List.of(seed.first().id(), seed.second().id())));
        mishap.inject(sim, "add_results_for_cases");

        List<PostedResult> posted = client.addResultsForCases(run.id(), List.of(
                new ResultEntry(seed.first().id(), 1, "passed", "3s", "build 8", Map.of()),
                new ResultEntry(seed.second().id(), 5, "failed at step 2", "", "build 8", Map.of())));

        List<SimResult> stored = sim.results(run.id());
        assertThat(stored).hasSize(2);
        assertThat(posted).extracting(PostedResult::id).containsExactlyElementsOf(stored.stream().map(SimResult::id).toList());
        assertThat(posted).extracting(PostedResult::statusId).containsExactly(1, 5);
        assertThat(sim.calls("add_results_for_cases")).isEqualTo(mishap.requests);
    }

    @Test
    void aWriteThatNeverLeftIsRepeatedWithoutChecking() throws InterruptedException {
        // An application interceptor fails before OkHttp starts sending, like a refused connection.
        AtomicInteger refusals = new AtomicInteger(2);
        OkHttpClient refusingTwice = TestRailTesting.OK_HTTP.newBuilder().addInterceptor(chain -> {
            if (refusals.getAndDecrement() > 0) {
                throw new ConnectException("Connection refused");
            }
            return chain.proceed(chain.request());
        }).build();
        TestRailSettings settings = TestRailTesting.settings(sim.url());
        TestRailClient client = new TestRailClient(settings, refusingTwice,
                new RetryPolicy(TestRailTesting.FAST, settings.maxRetryWait(), 8),
                new RateLimiter(RateLimiter.Limit.perMinute(100_000), System::nanoTime, Sleeper.SYSTEM), Sleeper.SYSTEM,
                ProgressListener.SILENT);

        client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 6", "", OptionalLong.empty(), List.of(seed.first().id())));

        assertThat(sim.runs()).hasSize(1);
        assertThat(sim.callCounts()).containsOnlyKeys("add_run");
        assertThat(client.stats().retries()).isEqualTo(2);
    }

    @Test
    void aBatchPartlyFoundInTheRunIsReportedAsUnknown() throws InterruptedException {
        TestRailClient client = client();
        TestRun run = client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 9", "", OptionalLong.empty(),
                List.of(seed.first().id(), seed.second().id())));
        ResultEntry passed = new ResultEntry(seed.first().id(), 1, "passed", "", "build 9", Map.of());
        client.addResultsForCases(run.id(), List.of(passed));
        sim.faults().onCall("add_results_for_cases", 2, Fault.status(500, "{\"error\":\"oops\"}"));

        assertThatThrownBy(() -> client.addResultsForCases(run.id(), List.of(passed,
                new ResultEntry(seed.second().id(), 5, "failed", "", "build 9", Map.of()))))
                .isInstanceOf(TestRailWriteUnknownException.class)
                .hasMessageContaining("may or may not")
                .hasMessageContaining("run " + run.id())
                .hasMessageContaining("found 1 of 2");
        assertThat(sim.results(run.id())).hasSize(1);
        assertThat(sim.calls("add_results_for_cases")).isEqualTo(2);
    }

    @Test
    void aWriteThatKeepsFailingIsNotRepeatedForever() {
        sim.faults().always("add_run", Fault.status(500, "{\"error\":\"oops\"}"));
        TestRailClient client = TestRailTesting.client(TestRailTesting.settings(sim.url())
                .withMaxRetryWait(Duration.ofMillis(100)));
        assertThatThrownBy(() -> client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 10", "", OptionalLong.empty(),
                List.of(seed.first().id()))))
                .isInstanceOf(TestRailWriteUnknownException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(sim.runs()).isEmpty();
        assertThat(sim.calls("add_run")).isLessThanOrEqualTo(8);
    }

    @Test
    void aWriteThatKeepsFailingIsCheckedAndResentWithinItsBudgetAndSaysSo() {
        sim.faults().always("add_run", Fault.status(503, "{\"error\":\"maintenance\"}"));
        // Each check (get_runs) takes 150 ms: the time spent checking counts against the 400 ms budget.
        sim.faults().always("get_runs", Fault.slow(Duration.ofMillis(150)));
        RecordingListener progress = new RecordingListener();
        TestRailClient client = TestRailTesting.client(TestRailTesting.settings(sim.url())
                .withMaxRetryWait(Duration.ofMillis(400)), progress);

        assertThatThrownBy(() -> client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 13", "",
                OptionalLong.empty(), List.of(seed.first().id()))))
                .isInstanceOf(TestRailWriteUnknownException.class)
                .hasMessageContaining("TestRail answered HTTP 503 after the request was sent. It was sent "
                        + (sim.calls("add_run") == 1 ? "once" : sim.calls("add_run") + " times")
                        + ", and TestRail was read back after each of the "
                        + sim.calls("get_runs") + " unknown outcome(s) without showing it done")
                .hasMessageContaining("maximum retry wait of 400 ms, checks included")
                .hasMessageNotContaining("not repeated");
        // Without counting the checks, backoff alone (10 to 40 ms) would allow all 8 attempts.
        assertThat(sim.calls("add_run")).as("sends within the budget").isBetween(1, 3);
        assertThat(sim.calls("get_runs")).isEqualTo(sim.calls("add_run"));
        assertThat(sim.runs()).isEmpty();
        assertThat(progress.retries).hasSize(sim.calls("add_run") - 1).allSatisfy(retry -> assertThat(retry.cause())
                .isEqualTo("TestRail answered HTTP 503; TestRail does not show it done"));
    }

    @ParameterizedTest
    @EnumSource(value = Mishap.class, names = {"SERVER_ERROR_BEFORE_COMMIT", "SERVER_ERROR_AFTER_COMMIT",
            "DROPPED_AFTER_COMMIT", "READ_TIMEOUT_AFTER_COMMIT"})
    void closingIsCheckedBeforeRepeating(Mishap mishap) throws InterruptedException {
        TestRailClient client = client();
        TestRun run = client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 11", "", OptionalLong.empty(),
                List.of(seed.first().id())));
        long planId = client.addPlan(seed.project().id(), new NewPlan("Plan 11", "", OptionalLong.empty(), List.of())).id();
        mishap.inject(sim, "close_run");
        mishap.inject(sim, "close_plan");
        assertThat(client.closeRun(run.id()).completed()).isTrue();
        assertThat(client.closePlan(planId).completed()).isTrue();
        assertThat(sim.calls("close_run")).isEqualTo(mishap.requests);
        assertThat(sim.calls("close_plan")).isEqualTo(mishap.requests);
    }

    @ParameterizedTest
    @EnumSource(value = Mishap.class, names = {"SERVER_ERROR_BEFORE_COMMIT", "DROPPED_AFTER_COMMIT"})
    void replacingACaseSelectionIsSafeToRepeat(Mishap mishap) throws InterruptedException {
        TestRailClient client = client();
        TestRun run = client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 12", "", OptionalLong.empty(),
                List.of(seed.first().id())));
        long planId = client.addPlan(seed.project().id(), new NewPlan("Plan 12", "", OptionalLong.empty(),
                List.of(new NewRun(seed.suite().id(), "Orders", "", OptionalLong.empty(), List.of(seed.first().id()))))).id();
        String entryId = sim.plan(planId).orElseThrow().entries().get(0).id();
        mishap.inject(sim, "update_run");
        mishap.inject(sim, "update_plan_entry");

        client.updateRunCases(run.id(), List.of(seed.first().id(), seed.second().id()));
        client.updatePlanEntryCases(planId, entryId, List.of(seed.second().id()));

        assertThat(sim.tests(run.id())).extracting(t -> t.caseId()).containsExactly(seed.first().id(), seed.second().id());
        long entryRun = sim.plan(planId).orElseThrow().entries().get(0).runIds().get(0);
        assertThat(sim.tests(entryRun)).extracting(t -> t.caseId()).containsExactly(seed.second().id());
        assertThat(sim.calls("update_run")).isEqualTo(2);
    }
}
