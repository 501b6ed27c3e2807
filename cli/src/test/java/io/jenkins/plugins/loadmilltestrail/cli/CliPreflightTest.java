package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimMilestone;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The preflight of issue 11: every mistake that needs no Loadmill result stops {@code run} (and
 * {@code plan} with a Loadmill run) before Loadmill starts, with exit 2 (4 when TestRail refuses),
 * naming the option to change. Each test proves the exit code, the message and that the Loadmill
 * simulator recorded no launch.
 */
class CliPreflightTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code run} of the demo plan into project Shop, with a summary, fast polling and quick TestRail give-up. */
    private Result run(String... more) {
        return command("run", more);
    }

    private Result command(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--test-plan", demo.testPlanId(), "--poll-interval", "20ms",
                "--requests-per-minute", "60000", "--testrail-retry-wait", "100ms"));
        if (!List.of(more).contains("--results")) {
            args.addAll(List.of("--results", results.toString()));
        }
        if (!List.of(more).contains("--project")) {
            args.addAll(List.of("--project", DemoScenario.PROJECT));
        }
        if (!List.of(more).contains("--summary")) {
            args.addAll(List.of("--summary", summary.toString()));
        }
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    /** Exit code, the message's words, no Loadmill launch, no TestRail write, no results file. */
    private void assertStoppedBeforeLoadmill(Result result, int exitCode, String... words) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(exitCode);
        assertThat(result.err()).contains("error: ").contains(words);
        assertThat(result.err()).doesNotContain("Starting Loadmill", "Exception");
        assertThat(loadmill.launches()).as("Loadmill was never started").isEmpty();
        assertThat(testRail.callCounts().keySet()).noneMatch(CliPreflightTest::isWrite);
        assertThat(results).doesNotExist();
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(summary.toFile());
    }

    private ProjectSeed shop() {
        return testRail.project(testRail.projects().stream().filter(p -> p.name().equals(DemoScenario.PROJECT))
                .findFirst().orElseThrow().id());
    }

    private long suiteId(String name) {
        return testRail.suites(shop().id()).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().id();
    }

    // ---- project ----------------------------------------------------------------------------

    @Test
    void anUnknownProjectNameStopsTheRunWithTwoCheapCallsCounted() throws IOException {
        Result result = run("--project", "No such project");

        assertStoppedBeforeLoadmill(result, 2, "The TestRail project (--project)", "'No such project'",
                "projects this user sees: Shop", "Loadmill was not started.");
        JsonNode json = summary();
        assertThat(json.path("exitCode").asInt()).isEqualTo(2);
        assertThat(json.path("error").asText()).contains("No such project");
        assertThat(json.path("calls").path("preflight").path("total").asLong()).isEqualTo(2);
        assertThat(json.path("calls").path("preflight").path("byMethod").properties()).extracting(Map.Entry::getKey)
                .containsExactly("get_projects", "get_user_by_email");
        assertThat(json.path("files").properties()).extracting(Map.Entry::getKey).containsExactly("summary");
    }

    @Test
    void anUnknownProjectIdStopsTheRun() {
        Result result = run("--project", "P9999");
        assertStoppedBeforeLoadmill(result, 2, "The TestRail project (--project) P9999 does not exist in TestRail",
                "not a valid or accessible project");
    }

    @Test
    void aCompletedProjectStopsTheRun() {
        testRail.addProject("Archived", TestRailSimulator.MULTIPLE_SUITES).complete();
        long archived = testRail.projects().stream().filter(p -> p.name().equals("Archived")).findFirst().orElseThrow().id();
        Result result = run("--project", String.valueOf(archived));
        assertStoppedBeforeLoadmill(result, 2, "(--project) 'Archived'", "is completed");
    }

    // ---- existing run or plan ---------------------------------------------------------------

    @Test
    void anExistingRunThatDoesNotExistStopsTheRun() {
        Result result = run("--existing-run", "R9999");
        assertStoppedBeforeLoadmill(result, 2, "The existing TestRail run (--existing-run) R9999 does not exist",
                "leave it empty to publish into a new run");
    }

    @Test
    void aClosedExistingRunStopsTheRunSayingItIsClosed() {
        SimRun run = shop().addRun(suiteId("Checkout"), "Last night");
        testRail.closeRun(run.id());
        Result result = run("--existing-run", "R" + run.id());
        assertStoppedBeforeLoadmill(result, 2, "The existing TestRail run (--existing-run) R" + run.id() + " is closed",
                "TestRail accepts no results in a closed run");
    }

    @Test
    void anExistingRunOfAnotherProjectStopsTheRun() {
        ProjectSeed other = testRail.addProject("Other", TestRailSimulator.MULTIPLE_SUITES);
        SimRun run = other.addRun(other.addSuite("Elsewhere").id(), "Theirs");
        Result result = run("--existing-run", String.valueOf(run.id()));
        assertStoppedBeforeLoadmill(result, 2, "(--existing-run) R" + run.id() + " belongs to another TestRail project (P"
                + other.id() + "), not to the project 'Shop'");
    }

    @Test
    void anExistingPlanThatDoesNotExistIsClosedOrForeignStopsTheRun() {
        assertStoppedBeforeLoadmill(run("--existing-plan", "9999"), 2,
                "The existing TestRail plan (--existing-plan) P9999 does not exist");

        SimPlan closed = shop().addPlan("Last night");
        testRail.closePlan(closed.id());
        assertStoppedBeforeLoadmill(run("--existing-plan", "P" + closed.id()), 2,
                "(--existing-plan) P" + closed.id() + " is closed", "no results in a closed plan");

        SimPlan foreign = testRail.addProject("Other", TestRailSimulator.MULTIPLE_SUITES).addPlan("Theirs");
        assertStoppedBeforeLoadmill(run("--existing-plan", String.valueOf(foreign.id())), 2,
                "(--existing-plan) P" + foreign.id() + " belongs to another TestRail project");
    }

    @Test
    void anOpenExistingPlanPassesThePreflightAndReceivesTheResults() {
        SimPlan plan = shop().addPlan("Tonight");
        Result result = run("--existing-plan", "P" + plan.id(), "--auto-create");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.plans()).singleElement().satisfies(p -> assertThat(p.entries()).hasSize(3));
    }

    // ---- status map -------------------------------------------------------------------------

    @Test
    void aStatusMapToAStatusTestRailLacksStopsTheRun() {
        Result result = run("--status-map", "FLAKY=Wobbly");
        assertStoppedBeforeLoadmill(result, 2, "The status map (--status-map) entry FLAKY=Wobbly cannot be used",
                "'Wobbly', which this TestRail does not have", "Passed", "Retest");
    }

    @Test
    void aStatusMapToUntestedStopsTheRun() {
        Result result = run("--status-map", "STOPPED=Untested");
        assertStoppedBeforeLoadmill(result, 2, "(--status-map) entry STOPPED=Untested",
                "TestRail does not accept Untested as a result");
    }

    // ---- suite map --------------------------------------------------------------------------

    @Test
    void aSuiteMapTargetThatDoesNotExistStopsTheRunWithoutAutoCreate() {
        Result result = run("--suite-map", "Checkout=Payments");
        assertStoppedBeforeLoadmill(result, 2, "The suite map (--suite-map) sends the Loadmill suite 'Checkout' to the "
                + "TestRail suite 'Payments', which project 'Shop' does not have (it has Checkout, Accounts)",
                "turn on auto-create (--auto-create)");
    }

    @Test
    void withAutoCreateAMissingSuiteMapTargetByNameIsCreatedButOneByIdStopsTheRun() {
        assertStoppedBeforeLoadmill(run("--suite-map", "Checkout=9999", "--auto-create"), 2,
                "to the TestRail suite '9999', which project 'Shop' does not have");

        Result created = run("--suite-map", "Checkout=Payments", "--auto-create");
        assertThat(created.exitCode()).as(created.all()).isEqualTo(1);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.suites(shop().id())).extracting(s -> s.name()).contains("Payments");
    }

    @Test
    void inASingleSuiteProjectTheSuiteMapNamesSections() {
        ProjectSeed single = testRail.addProject("Flat", TestRailSimulator.SINGLE_SUITE);
        single.masterSuite().addSection("Payments");
        Result result = run("--project", "Flat", "--suite-map", "Checkout=Payments", "--suite-map", "Search=Finding");
        assertStoppedBeforeLoadmill(result, 2, "sends the Loadmill suite 'Search' to the TestRail section 'Finding', "
                + "which project 'Flat' does not have (it has Payments)");
        assertThat(result.err()).doesNotContain("'Payments', which");
    }

    // ---- milestone --------------------------------------------------------------------------

    @Test
    void aMilestoneThatDoesNotExistStopsTheRunByNameOrById() {
        shop().addMilestone("Release 7");
        assertStoppedBeforeLoadmill(run("--milestone", "Release 9"), 2,
                "The milestone (--milestone) 'Release 9' is not in project 'Shop'; it has Release 7");
        assertStoppedBeforeLoadmill(run("--milestone", "M9999"), 2,
                "The milestone (--milestone) M9999 does not exist in TestRail");

        SimMilestone foreign = testRail.addProject("Other", TestRailSimulator.MULTIPLE_SUITES).addMilestone("Theirs");
        assertStoppedBeforeLoadmill(run("--milestone", "M" + foreign.id()), 2,
                "(--milestone) M" + foreign.id() + " belongs to another TestRail project");
    }

    @Test
    void validSettingsPassThePreflightReadingOnlyWhatTheyNameAndItsCallsAreCounted() throws IOException {
        SimMilestone release = shop().addCompletedMilestone("Release 7");
        Result result = run("--milestone", "release 7", "--status-map", "FLAKY=Retest", "--suite-map",
                "Checkout=Checkout", "--auto-create");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.plans()).singleElement().satisfies(p -> assertThat(p.milestoneId()).isEqualTo(release.id()));
        assertThat(result.out()).contains(", and 5 to check the settings before Loadmill ran");
        JsonNode preflight = summary().path("calls").path("preflight");
        // By name with auto-create, the suite map's target would be created: no get_suites needed.
        assertThat(preflight.path("byMethod").properties()).extracting(Map.Entry::getKey)
                .containsExactly("get_milestones", "get_projects", "get_result_fields", "get_statuses", "get_user_by_email");
        assertThat(preflight.path("total").asLong()).isEqualTo(5);
        assertThat(summary().path("calls").path("total").asLong()).as("the publish's own calls").isPositive();
    }

    // ---- several problems at once -----------------------------------------------------------

    @Test
    void everyProblemFoundIsListedInOneError() {
        SimRun run = shop().addRun(suiteId("Checkout"), "Last night");
        testRail.closeRun(run.id());
        Result result = run("--existing-run", "R" + run.id(), "--status-map", "FLAKY=Wobbly", "--milestone", "Release 9",
                "--suite-map", "Checkout=Payments");
        assertStoppedBeforeLoadmill(result, 2, "Loadmill was not started: 4 settings do not fit TestRail:",
                "\n - The status map (--status-map)", "\n - The existing TestRail run (--existing-run)",
                "\n - The suite map (--suite-map)", "\n - The milestone (--milestone)");
    }

    // ---- output files -----------------------------------------------------------------------

    @Test
    void aResultsJunitOrSummaryPathThatCannotBeWrittenStopsTheRun() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        assertStoppedBeforeLoadmill(run("--results", file.resolve("results.json").toString()), 2,
                "results file (--results)", "a-file is a file, not a folder");
        assertStoppedBeforeLoadmill(run("--junit", file.resolve("junit.xml").toString()), 2,
                "JUnit report (--junit)", "a-file is a file, not a folder");
        assertStoppedBeforeLoadmill(run("--summary", file.resolve("summary.json").toString()), 2,
                "summary file (--summary)", "a-file is a file, not a folder");
        assertStoppedBeforeLoadmill(run("--summary", dir.toString()), 2, "The summary file (--summary) " + dir
                + " is a folder");
        assertThat(testRail.callCounts()).as("found before any TestRail call").isEmpty();
    }

    // ---- TestRail URL and availability -------------------------------------------------------

    @Test
    void aTestRailUrlThatAnswersButIsNotTestRailStopsTheRunWithExitFour() {
        env = new HashMap<>(env);
        env.put(EnvironmentVariables.TESTRAIL_URL, testRail.url() + "wrong/");
        Result result = run();
        assertStoppedBeforeLoadmill(result, 4, "does not know the TestRail API method get_user_by_email (HTTP 404)",
                "the TestRail URL is wrong");
    }

    @Test
    void aTestRailThatDoesNotAnswerOnlyWarnsAndLoadmillRunsWithTheResultsKept() throws IOException {
        testRail.faults().always("get_projects", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result result = run();
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.err()).contains("WARNING: TestRail did not answer before the Loadmill run",
                "Running Loadmill anyway", "kept in " + results);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(results).exists();
        JsonNode json = summary();
        assertThat(json.path("exitCode").asInt()).isEqualTo(4);
        assertThat(json.path("files").path("results").asText()).isEqualTo(results.toString());
        assertThat(json.has("calls")).as("only a preflight that stopped the command adds its calls").isFalse();
    }

    @Test
    void aTestRailUrlThatNeverAnswersHoldsThePreflightOnlyForItsTimeoutsThenLoadmillRuns() {
        // docs/cli.md: https:// on a plain-HTTP port accepts the connection and never answers.
        env = new HashMap<>(env);
        env.put(EnvironmentVariables.TESTRAIL_URL, testRail.url().replace("http://", "https://"));
        long start = System.nanoTime();
        Result result = run("--testrail-read-timeout", "300ms");
        long seconds = java.time.Duration.ofNanos(System.nanoTime() - start).toSeconds();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.err()).contains("WARNING: TestRail did not answer before the Loadmill run", "Read timed out",
                "error: Could not reach TestRail at https://", "kept in " + results);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(seconds).as("each call within its read timeout and retry wait").isLessThan(15);
    }

    @Test
    void planWithALoadmillRunHasThePreflightToo() {
        Result result = command("plan", "--existing-run", "R9999");
        assertStoppedBeforeLoadmill(result, 2, "(--existing-run) R9999 does not exist");
    }

    private static boolean isWrite(String apiMethod) {
        return apiMethod.startsWith("add_") || apiMethod.startsWith("update_") || apiMethod.startsWith("close_");
    }
}
