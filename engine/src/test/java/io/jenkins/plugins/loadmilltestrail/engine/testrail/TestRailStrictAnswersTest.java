package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON that is not what TestRail sends is an error naming the call, never an empty list or an id 0. */
class TestRailStrictAnswersTest {
    private TestRailSimulator sim;
    private ProjectSeed project;
    private SuiteSeed suite;
    private SimCase aCase;

    @BeforeEach
    void seed() {
        sim = TestRailTesting.simulator();
        project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        suite = project.addSuite("Orders API");
        aCase = suite.addSection("A").addCase("Case A");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private TestRailUnexpectedResponseException unexpected(ThrowingCall call) {
        Throwable thrown = catchThrowable(call::run);
        assertThat(thrown).isInstanceOf(TestRailUnexpectedResponseException.class);
        return (TestRailUnexpectedResponseException) thrown;
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"fake\":[{\"id\":1}]}", "", "{\"cases\":null}", "{\"cases\":{\"id\":1}}"})
    void aListAnswerWithoutItsListIsAnError(String body) {
        sim.faults().always("get_cases", Fault.ok(body));
        TestRailUnexpectedResponseException error = unexpected(() -> client(sim).getCases(project.id(), suite.id()));
        assertThat(error.getMessage()).contains("get_cases").contains("'cases' list").contains(sim.url())
                .contains("proxy");
        assertThat(error.httpStatus()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"cases\":[1]}", "[\"Case A\"]", "{\"cases\":[null]}", "{\"cases\":[[]]}"})
    void aListItemThatIsNotAnObjectIsAnError(String body) {
        sim.faults().always("get_cases", Fault.ok(body));
        assertThat(unexpected(() -> client(sim).getCases(project.id(), suite.id())).getMessage())
                .contains("get_cases").contains("item 1 of the 'cases' list is not an object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"Case A\",\"section_id\":1,\"suite_id\":1}",
            "{\"id\":null,\"title\":\"Case A\",\"section_id\":1,\"suite_id\":1}",
            "{\"id\":0,\"title\":\"Case A\",\"section_id\":1,\"suite_id\":1}"})
    void anEntityWithoutAValidIdIsAnError(String caseJson) {
        sim.faults().always("get_case", Fault.ok(caseJson));
        assertThat(unexpected(() -> client(sim).getCase(aCase.id())).getMessage())
                .contains("get_case").contains("a case without a valid 'id'");
        sim.faults().clearFaults();
        sim.faults().always("get_cases", Fault.ok("{\"cases\":[" + caseJson + "]}"));
        assertThat(unexpected(() -> client(sim).getCases(project.id(), suite.id())).getMessage())
                .contains("get_cases").contains("a case without a valid 'id'");
    }

    @Test
    void idsWrittenAsDigitStringsAreIdsButOtherStringsAreNot() throws InterruptedException {
        sim.faults().always("get_case", Fault.ok("{\"id\":\"12\",\"title\":\"Case A\",\"section_id\":\"1\","
                + "\"suite_id\":2}"));
        assertThat(client(sim).getCase(12).id()).isEqualTo(12);
        sim.faults().clearFaults();
        sim.faults().always("get_case", Fault.ok("{\"id\":\"C12\",\"title\":\"Case A\",\"section_id\":1,"
                + "\"suite_id\":2}"));
        assertThat(unexpected(() -> client(sim).getCase(12)).getMessage()).contains("a case without a valid 'id'");
    }

    @Test
    void anEntityWithoutAFieldWeRelyOnIsAnError() {
        sim.faults().always("get_cases", Fault.ok("{\"cases\":[{\"id\":7,\"section_id\":1,\"suite_id\":1}]}"));
        assertThat(unexpected(() -> client(sim).getCases(project.id(), suite.id())).getMessage())
                .contains("a case without a valid 'title'");
        sim.faults().always("get_tests", Fault.ok("[{\"id\":3,\"run_id\":1}]"));
        assertThat(unexpected(() -> client(sim).getTests(1)).getMessage()).contains("get_tests")
                .contains("a test without a valid 'case_id'");
        sim.faults().always("get_project", Fault.ok("{\"id\":1,\"name\":\"Checkout\"}"));
        assertThat(unexpected(() -> client(sim).getProject(project.id())).getMessage()).contains("get_project")
                .contains("a project without a valid 'suite_mode'");
    }

    @Test
    void aWriteAnsweredWithAnEmptyBodyIsAnErrorThatSaysItMayHaveHappened() throws InterruptedException {
        TestRailClient client = client(sim);
        TestRun run = client.addRun(project.id(), new NewRun(suite.id(), "R", "", OptionalLong.empty(),
                List.of(aCase.id())));
        sim.faultsAfterCommit().onCall("update_run", 1, Fault.ok(""));
        TestRailUnexpectedResponseException error = unexpected(() -> client.updateRunCases(run.id(), List.of()));
        assertThat(error.getMessage()).contains("update_run").contains("a run without a valid 'id'")
                .contains("TestRail may have done update_run for run " + run.id());
        assertThat(sim.tests(run.id())).isEmpty();
    }

    @Test
    void postedResultsNeedTheirIds() throws InterruptedException {
        TestRailClient client = client(sim);
        TestRun run = client.addRun(project.id(), new NewRun(suite.id(), "R", "", OptionalLong.empty(),
                List.of(aCase.id())));
        sim.faultsAfterCommit().onCall("add_results_for_cases", 1, Fault.ok("[{\"status_id\":1}]"));
        assertThat(unexpected(() -> client.addResultsForCases(run.id(),
                List.of(new ResultEntry(aCase.id(), 1, "", "", "", Map.of())))).getMessage())
                .contains("add_results_for_cases").contains("a result without a valid 'id'");
    }

    @Test
    void aCloseAnsweredAsStillOpenIsCheckedByReadingTheRunBack() throws InterruptedException {
        TestRailClient client = client(sim);
        TestRun run = client.addRun(project.id(), new NewRun(suite.id(), "R", "", OptionalLong.empty(),
                List.of(aCase.id())));
        sim.faultsAfterCommit().onCall("close_run", 1, Fault.ok("{\"id\":" + run.id() + ",\"suite_id\":" + suite.id()
                + ",\"name\":\"R\",\"is_completed\":false}"));
        assertThat(client.closeRun(run.id()).completed()).isTrue();
        assertThat(sim.calls("close_run")).isOne();
        assertThat(sim.calls("get_run")).isOne();
    }

    @Test
    void aCloseThatNeverShowsThePlanClosedIsAnUnknownOutcome() throws InterruptedException {
        TestRailClient client = TestRailTesting.client(TestRailTesting.settings(sim.url())
                .withMaxRetryWait(Duration.ofMillis(150)));
        TestPlan plan = client.addPlan(project.id(), new NewPlan("P", "", OptionalLong.empty(),
                List.of(new NewRun(suite.id(), "E", "", OptionalLong.empty(), List.of(aCase.id())))));
        sim.faults().always("close_plan", Fault.ok("{}"));
        Throwable thrown = catchThrowable(() -> client.closePlan(plan.id()));
        assertThat(thrown).isInstanceOf(TestRailWriteUnknownException.class)
                .hasMessageContaining("may or may not have done close_plan for plan " + plan.id())
                .hasMessageContaining("does not show plan " + plan.id() + " closed");
        assertThat(sim.plan(plan.id()).orElseThrow().completed()).isFalse();
        assertThat(sim.calls("get_plan")).isPositive();
    }
}
