package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.util.ArrayList;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.flow;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.plan;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillRunner;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.report.ResultsFile;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUnexpectedResponseException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end over HTTP: the Loadmill and TestRail simulators, the real clients, the journal on disk. */
class TestRailSyncTest {
    @TempDir
    Path dir;

    private TestRailSimulator testRail;
    private TestRailClient client;
    private final RecordingListener lines = new RecordingListener();

    @BeforeEach
    void start() {
        testRail = SyncHttpTesting.simulator();
        client = SyncHttpTesting.client(testRail);
    }

    @AfterEach
    void stop() {
        testRail.close();
        assertThat(String.join("\n", lines.lines)).doesNotContain(SyncHttpTesting.KEY);
    }

    private TestRailSync sync() {
        return SyncHttpTesting.sync(client, lines);
    }

    private static Map<Long, List<Integer>> statusesByCase(List<SimResult> results) {
        return results.stream().collect(Collectors.groupingBy(SimResult::caseId,
                Collectors.mapping(SimResult::statusId, Collectors.toList())));
    }

    /** Runs a Loadmill test plan in the Loadmill simulator and saves the results file, as a build does. */
    private CollectedResults runLoadmill(LoadmillSimulator loadmill, TestPlanScenario plan, Path resultsFile)
            throws Exception {
        LoadmillSettings settings = LoadmillSettings.builder().baseUrl(loadmill.url()).apiToken(loadmill.token())
                .pollInterval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(30)).testPlanId(plan.id()).build();
        CollectedResults results = new LoadmillRunner(SyncHttpTesting.OK_HTTP, settings, ProgressListener.SILENT,
                LoadmillRunner.Options.DEFAULTS.withBackoff(new Backoff(Duration.ofMillis(5), Duration.ofMillis(20))))
                .run();
        ResultsFile.write(results, resultsFile);
        return ResultsFile.read(resultsFile);
    }

    @Test
    void multiSuitePlanFromLoadmillWithAMissingSuite() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed cart = project.addSuite("Checkout API").addSection("Cart");
        long add = cart.addCase("Add item").id();
        long pay = cart.addCase("Pay &amp; confirm").id();
        long refund = cart.addCase("<p>Refund</p>").id();
        try (LoadmillSimulator loadmill = LoadmillSimulator.start()) {
            TestPlanScenario nightly = loadmill.addTestPlan("Nightly")
                    .suite("Checkout API", s -> s.passed("Add item")
                            .failedAssertion("Pay & confirm", "status", "equals", "200", "500").flaky("Refund", 2))
                    .suite("Payments", s -> s.passed("Card").stopped("Cash"));
            Path resultsFile = dir.resolve("results.json");
            CollectedResults results = runLoadmill(loadmill, nightly, resultsFile);
            PublishSettings settings = PublishSettings.builder().project("checkout").autoCreate(true).closeRun(true)
                    .variable("JOB_NAME", "nightly").variable("BUILD_NUMBER", "7")
                    .variable("BUILD_URL", "https://ci.example/job/nightly/7/")
                    .runName("${JOB_NAME} #${BUILD_NUMBER}: ${LOADMILL_NAME}").build();

            PublishReport report = sync().publish(results, settings, resultsFile);

            assertThat(testRail.plans()).singleElement().satisfies(p -> {
                assertThat(p.name()).isEqualTo("nightly #7: Nightly");
                assertThat(p.description()).contains("https://ci.example/job/nightly/7/").contains(results.runUrl());
                assertThat(p.entries()).hasSize(2);
                assertThat(p.completed()).isTrue();
            });
            long payments = testRail.suites(project.id()).stream().filter(s -> s.name().equals("Payments")).findFirst()
                    .orElseThrow().id();
            assertThat(testRail.sections(payments)).extracting(s -> s.name()).containsExactly("Loadmill");
            assertThat(testRail.cases(payments)).extracting(SimCase::title).containsExactly("Card", "Cash");
            assertThat(testRail.runs()).hasSize(2).allSatisfy(r -> assertThat(r.includeAll()).isFalse());
            SimRun checkoutRun = testRail.runs().stream().filter(r -> r.suiteId() != payments).findFirst().orElseThrow();
            assertThat(checkoutRun.caseIds()).containsExactlyInAnyOrder(add, pay, refund);
            List<SimResult> checkoutResults = testRail.results(checkoutRun.id());
            assertThat(statusesByCase(checkoutResults)).isEqualTo(Map.of(add, List.of(1), pay, List.of(5), refund, List.of(1)));
            SimResult failed = checkoutResults.stream().filter(r -> r.caseId() == pay).findFirst().orElseThrow();
            assertThat(failed.comment()).contains("FAILED").contains("Flow run: http");
            assertThat(failed.version()).isEqualTo(results.runId());
            assertThat(failed.elapsed()).matches("[1-9]\\d*s");
            assertThat(checkoutResults.stream().filter(r -> r.caseId() == refund).findFirst().orElseThrow().comment())
                    .contains("2 retries");
            SimRun paymentsRun = testRail.runs().stream().filter(r -> r.suiteId() == payments).findFirst().orElseThrow();
            assertThat(testRail.results(paymentsRun.id())).extracting(SimResult::statusId).containsExactlyInAnyOrder(1, 2);

            assertThat(report.planId()).isPresent();
            assertThat(report.planUrl()).endsWith("index.php?/plans/view/" + report.planId().getAsLong());
            assertThat(report.runs()).hasSize(2);
            assertThat(report.createdSuites()).isEqualTo(1);
            assertThat(report.createdSections()).isEqualTo(1);
            assertThat(report.createdCases()).isEqualTo(2);
            assertThat(report.postedResults()).isEqualTo(5);
            assertThat(report.flows()).allSatisfy(f -> assertThat(f.posted()).isTrue());
            assertThat(report.flows()).extracting(FlowOutcome::testRailStatus)
                    .containsExactly("Passed", "Failed", "Passed", "Passed", "Blocked");
            assertThat(report.callsByMethod()).containsEntry("add_plan", 1L).containsEntry("close_plan", 1L)
                    .containsEntry("add_case", 2L).doesNotContainKey("get_case");
            assertThat(report.totalCalls()).isEqualTo(testRail.callCounts().values().stream().mapToInt(i -> i).sum());
            assertThat(Files.exists(PublishJournal.besides(resultsFile))).isTrue();

            // Publishing the same results file again changes nothing.
            PublishReport again = sync().publish(ResultsFile.read(resultsFile), settings, resultsFile);
            assertThat(testRail.plans()).hasSize(1);
            assertThat(testRail.runs()).hasSize(2);
            assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(5);
            assertThat(again.postedResults()).isEqualTo(5);
            assertThat(again.callsByMethod().keySet()).allMatch(m -> m.startsWith("get_"));

            // The next build (a new Loadmill run) gets a new plan but matches the cases the first one created.
            Path secondFile = dir.resolve("results-2.json");
            CollectedResults second = runLoadmill(loadmill, nightly, secondFile);
            PublishReport next = sync().publish(second, settings, secondFile);
            assertThat(testRail.plans()).hasSize(2);
            assertThat(testRail.cases(payments)).hasSize(2);
            assertThat(testRail.suites(project.id())).hasSize(2);
            assertThat(next.createdCases()).isZero();
            assertThat(next.callsByMethod()).doesNotContainKeys("add_case", "add_suite", "add_section", "get_case_fields",
                    "get_sections");
        }
    }

    @Test
    void singleSuiteProjectGetsOneRunWithExactlyTheMatchedCases() throws Exception {
        ProjectSeed project = testRail.addProject("Mobile", TestRailSimulator.SINGLE_SUITE);
        SectionSeed checkout = project.masterSuite().addSection("Checkout");
        long add = checkout.addCase("Add item").id();
        checkout.addCase("Not in Loadmill");
        checkout.addSection("Nested").addCase("Pay");
        CollectedResults results = plan(suite("Checkout", "Add item", "Pay"), suite("Search", "Find"));

        PublishReport report = sync().publish(results, PublishSettings.builder().project("Mobile").build(),
                PublishJournal.inMemory());

        assertThat(testRail.runs()).singleElement().satisfies(r -> {
            assertThat(r.caseIds()).containsExactly(add);
            assertThat(r.suiteId()).isEqualTo(project.masterSuite().id());
        });
        assertThat(testRail.plans()).isEmpty();
        assertThat(report.unmatchedFlows()).containsExactly("Checkout / Pay", "Search / Find");
        assertThat(lines.lines).anyMatch(l -> l.startsWith("WARN 2 flow(s) matched no TestRail case"));
        assertThat(report.runs()).singleElement().satisfies(r -> assertThat(r.url()).contains("index.php?/runs/view/"));
    }

    @Test
    void baselineProjectCreatesSectionsInTheMasterSuite() throws Exception {
        ProjectSeed project = testRail.addProject("Legacy", TestRailSimulator.SINGLE_SUITE_BASELINES);
        project.masterSuite().addSection("Checkout").addCase("Add item");
        PublishReport report = sync().publish(plan(suite("Checkout", "Add item"), suite("Search", "Find")),
                PublishSettings.builder().project(String.valueOf(project.id())).autoCreate(true).build(),
                PublishJournal.inMemory());
        assertThat(testRail.sections(project.masterSuite().id())).extracting(s -> s.name()).contains("Search");
        assertThat(testRail.runs()).singleElement().satisfies(r -> assertThat(r.caseIds()).hasSize(2));
        assertThat(report.postedResults()).isEqualTo(2);
    }

    @Test
    void matchingByIdPublishesOnlyPinnedFlows() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed api = project.addSuite("Checkout API").addSection("All");
        long add = api.addCase("Add item").id();
        long pay = api.addCase("Payment").id();
        SectionSeed other = project.addSuite("Other").addSection("All");
        long elsewhere = other.addCase("Elsewhere").id();
        CollectedResults results = plan(suite("Checkout API", "Add item", "Pay (C" + pay + ")", "Unpinned"),
                suite("Renamed", "Somewhere"));
        PublishSettings settings = PublishSettings.builder().project("Checkout").matching(MatchMode.ID)
                .casePins(CasePins.parseLines("Checkout API/Add item=C" + add + "\nSomewhere=" + elsewhere)).build();

        PublishReport report = sync().publish(results, settings, PublishJournal.inMemory());

        assertThat(testRail.plans()).singleElement().satisfies(p -> assertThat(p.entries()).hasSize(2));
        assertThat(testRail.runs()).flatExtracting(SimRun::caseIds).containsExactlyInAnyOrder(add, pay, elsewhere);
        assertThat(report.flows()).filteredOn(f -> f.flowName().equals("Unpinned")).singleElement()
                .satisfies(f -> assertThat(f.posted()).isFalse());
        assertThat(report.unmatchedFlows()).containsExactly("Checkout API / Unpinned");
        assertThat(report.matchedCases()).isEqualTo(3);
        assertThat(report.postedResults()).isEqualTo(3);
        assertThat(report.callsByMethod()).containsEntry("get_case", 1L).as("only the pin outside the suites read");
    }

    @Test
    void aPinToAMissingCaseLeavesOnlyThatFlowUnpublished() throws Exception {
        SectionSeed section = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES).addSuite("Checkout API")
                .addSection("A");
        long add = section.addCase("Add item").id();
        long refund = section.addCase("Refund").id();
        PublishSettings settings = PublishSettings.builder().project("Checkout").build();

        PublishReport report = sync().publish(plan(suite("Checkout API", "Add item", "Pay C4040", "Refund")), settings,
                PublishJournal.inMemory());

        assertThat(testRail.runs()).singleElement().satisfies(r -> {
            assertThat(r.caseIds()).containsExactlyInAnyOrder(add, refund);
            assertThat(testRail.results(r.id())).extracting(SimResult::caseId).containsExactlyInAnyOrder(add, refund);
        });
        assertThat(report.postedResults()).isEqualTo(2);
        assertThat(report.rejected()).containsExactly("Checkout API / Pay C4040: pinned to C4040, which does not exist"
                + " in TestRail; fix the pin (case map or C123 token) and publish again to post it");
        assertThat(report.flows()).filteredOn(f -> f.flowName().equals("Pay C4040")).singleElement().satisfies(f -> {
            assertThat(f.posted()).isFalse();
            assertThat(f.note()).contains("C4040", "does not exist");
        });
        assertThat(String.join("\n", lines.lines)).contains("'Checkout API/Pay C4040' is pinned to C4040");
    }

    @Test
    void existingRunGetsTheUnionOfItsCasesAndOurs() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SuiteSeed suite = project.addSuite("Checkout API");
        long suiteId = suite.id();
        SectionSeed api = suite.addSection("All");
        long manual = api.addCase("Manual check").id();
        long add = api.addCase("Add item").id();
        long runId = client.addRun(project.id(), new NewRun(suiteId, "Release 3", "", OptionalLong.empty(),
                List.of(manual))).id();

        PublishReport report = sync().publish(plan(suite("Checkout API", "Add item")),
                PublishSettings.builder().project("Checkout").existingRunId(runId).build(), PublishJournal.inMemory());

        assertThat(testRail.run(runId).orElseThrow().caseIds()).containsExactlyInAnyOrder(manual, add);
        assertThat(testRail.results(runId)).extracting(SimResult::caseId).containsExactly(add);
        assertThat(testRail.runs()).hasSize(1);
        assertThat(report.runs()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(runId));
        // get_tests: the plan's read, the read right before replacing the selection, the check after posting.
        assertThat(report.callsByMethod()).containsEntry("update_run", 1L).containsEntry("get_tests", 3L);
    }

    @Test
    void existingPlanGetsItsEntryUpdatedAndAnEntryForTheSuiteItLacks() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SuiteSeed checkout = project.addSuite("Checkout API");
        SectionSeed all = checkout.addSection("All");
        long manual = all.addCase("Manual check").id();
        long add = all.addCase("Add item").id();
        SuiteSeed payments = project.addSuite("Payments");
        long card = payments.addSection("All").addCase("Card").id();
        long planId = client.addPlan(project.id(), new NewPlan("Release 3", "", OptionalLong.empty(),
                List.of(new NewRun(checkout.id(), "Checkout", "", OptionalLong.empty(), List.of(manual))))).id();

        PublishReport report = sync().publish(plan(suite("Checkout API", "Add item"), suite("Payments", "Card")),
                PublishSettings.builder().project("Checkout").existingPlanId(planId).build(), PublishJournal.inMemory());

        assertThat(testRail.plan(planId).orElseThrow().entries()).hasSize(2);
        SimRun checkoutRun = testRail.runs().stream().filter(r -> r.suiteId() == checkout.id()).findFirst().orElseThrow();
        SimRun paymentsRun = testRail.runs().stream().filter(r -> r.suiteId() == payments.id()).findFirst().orElseThrow();
        assertThat(checkoutRun.caseIds()).containsExactlyInAnyOrder(manual, add);
        assertThat(paymentsRun.caseIds()).containsExactly(card);
        assertThat(testRail.results(checkoutRun.id())).extracting(SimResult::caseId).containsExactly(add);
        assertThat(testRail.results(paymentsRun.id())).extracting(SimResult::caseId).containsExactly(card);
        assertThat(report.planId()).hasValue(planId);
        assertThat(report.callsByMethod()).containsEntry("update_plan_entry", 1L).containsEntry("add_plan_entry", 1L)
                .doesNotContainKey("add_plan");
    }

    @Test
    void requiredCaseFieldsComeFromDefaultsOrStopBeforeAnyWrite() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        long suiteId = project.addSuite("Checkout API").id();
        testRail.addCaseField("area", "Area", 6, new SimFieldConfig(false, List.of(project.id()), true, ""));
        CollectedResults results = plan(suite("Checkout API", "New flow"));

        assertThatThrownBy(() -> sync().publish(results, PublishSettings.builder().project("Checkout").autoCreate(true)
                .build(), PublishJournal.inMemory()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("custom_area (Area)");
        assertThat(testRail.callCounts().keySet()).allMatch(m -> m.startsWith("get_"));

        sync().publish(results, PublishSettings.builder().project("Checkout").autoCreate(true)
                .caseFieldDefaults(Map.of("custom_area", "2")).build(), PublishJournal.inMemory());
        assertThat(testRail.cases(suiteId)).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("New flow");
            assertThat(c.fields()).containsEntry("custom_area", 2);
        });
    }

    @Test
    void customStatusesAndMilestonesAreResolvedByName() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        long pay = project.addSuite("Checkout API").addSection("All").addCase("Pay").id();
        long milestone = project.addMilestone("Sprint 9").id();
        int knownIssue = testRail.addCustomStatus("Known Issue").id();
        CollectedResults results = plan(suite("Checkout API", flow("Checkout API", "Pay", RunStatus.FAILED)));

        assertThatThrownBy(() -> sync().publish(results, PublishSettings.builder().project("Checkout")
                .milestone("Sprint 10").build(), PublishJournal.inMemory()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("Sprint 9");
        sync().publish(results, PublishSettings.builder().project("Checkout").milestone("sprint 9")
                .statusMap(SettingMaps.parseStatusMap("FAILED=known issue")).build(), PublishJournal.inMemory());

        SimRun run = testRail.runs().get(0);
        assertThat(run.milestoneId()).isEqualTo(milestone);
        assertThat(testRail.results(run.id())).singleElement().satisfies(r -> {
            assertThat(r.caseId()).isEqualTo(pay);
            assertThat(r.statusId()).isEqualTo(knownIssue);
        });
    }

    @Test
    void casesAnsweredAsNothingStopThePublishBeforeAnyCaseIsCreated() {
        testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES).addSuite("Checkout API").addSection("Loadmill")
                .addCase("Add item");
        testRail.faults().always("get_cases", Fault.ok("{}"));
        assertThatThrownBy(() -> sync().publish(plan(suite("Checkout API", "Add item", "Pay")),
                PublishSettings.builder().project("Checkout").autoCreate(true).build(), PublishJournal.inMemory()))
                .isInstanceOf(TestRailUnexpectedResponseException.class).hasMessageContaining("get_cases");
        assertThat(testRail.calls("add_case")).isZero();
        assertThat(testRail.callCounts().keySet()).allMatch(m -> m.startsWith("get_"));
    }

    @Test
    void closedExistingRunIsAClearError() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SuiteSeed suite = project.addSuite("Checkout API");
        long add = suite.addSection("All").addCase("Add item").id();
        long runId = client.addRun(project.id(), new NewRun(suite.id(), "R", "",
                OptionalLong.empty(), List.of(add))).id();
        client.closeRun(runId);
        assertThatThrownBy(() -> sync().publish(plan(suite("Checkout API", "Add item")),
                PublishSettings.builder().project("Checkout").existingRunId(runId).build(), PublishJournal.inMemory()))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("R" + runId + " is closed");
    }

    @Test
    void refusedBatchIsSplitAndTheValidResultsPosted() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed api = project.addSuite("Checkout API").addSection("All");
        List<Long> ids = api.addCases("Flow", 4).stream().map(SimCase::id).toList();
        String refusal = "{\"error\":\"Field :results contains one or more invalid results (case C" + ids.get(3)
                + " unknown or not part of the test run)\"}";
        // TestRail refuses any batch holding the bad entry: [1-4], then [3,4], then [4].
        testRail.faults().onCall("add_results_for_cases", 1, Fault.status(400, refusal));
        testRail.faults().onCall("add_results_for_cases", 3, Fault.status(400, refusal));
        testRail.faults().onCall("add_results_for_cases", 5, Fault.status(400, refusal));

        PublishReport report = sync().publish(plan(suite("Checkout API", "Flow 1", "Flow 2", "Flow 3", "Flow 4")),
                PublishSettings.builder().project("Checkout").build(), PublishJournal.inMemory());

        long runId = testRail.runs().get(0).id();
        assertThat(testRail.results(runId)).extracting(SimResult::caseId).containsExactlyInAnyOrder(ids.get(0),
                ids.get(1), ids.get(2));
        assertThat(report.postedResults()).isEqualTo(3);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r).startsWith("Checkout API / Flow 4: ")
                .contains("C" + ids.get(3) + " unknown or not part of the test run"));
        assertThat(report.flows().get(3).posted()).isFalse();
        assertThat(testRail.calls("add_results_for_cases")).isEqualTo(5);
    }

    @Test
    void aBatchTooLargeForAProxyIsHalvedUntilTakenAndAResultTooLargeAloneIsRefused() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed api = project.addSuite("Checkout API").addSection("All");
        api.addCases("Flow", 8);
        // Room for about two results a request, as behind a proxy with a small body limit; Flow 8's failure text fills it alone.
        testRail.setMaxBodyBytes(700);
        List<FlowResult> flows = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            flows.add(flow("Checkout API", "Flow " + i, RunStatus.PASSED));
        }
        FlowResult failed = flow("Checkout API", "Flow 8", RunStatus.FAILED);
        flows.add(new FlowResult(failed.flowRunId(), failed.name(), failed.suiteName(), failed.status(),
                failed.lifecycleStatus(), 0, failed.startTime(), failed.endTime(), failed.duration(), "x".repeat(900),
                failed.url(), ""));
        CollectedResults results = plan(suite("Checkout API", flows.toArray(FlowResult[]::new)));

        PublishReport report = sync().publish(results, PublishSettings.builder().project("Checkout").build(),
                PublishJournal.inMemory());

        long runId = testRail.runs().get(0).id();
        assertThat(testRail.results(runId)).hasSize(7).extracting(SimResult::caseId).doesNotHaveDuplicates();
        assertThat(report.postedResults()).isEqualTo(7);
        assertThat(report.rejected()).singleElement().satisfies(r -> assertThat(r).startsWith("Checkout API / Flow 8: ")
                .contains("too large", "HTTP 413"));
        assertThat(testRail.calls("add_results_for_cases")).as("1 of 8, 2 of 4, 4 of 2, then Flow 7 and Flow 8 alone")
                .isLessThanOrEqualTo(15);
    }

    @Test
    void rateLimitStormLeavesNoDuplicates() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed api = project.addSuite("Checkout API").addSection("All");
        api.addCases("Flow", 30);
        String[] flows = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> "Flow " + i).toArray(String[]::new);
        Fault throttled = Fault.status(429, "{\"error\":\"API Rate Limit Exceeded - 180 per minute maximum allowed.\"}");
        for (String method : List.of("get_suites", "get_cases", "add_section", "add_case", "add_run",
                "add_results_for_cases", "close_run")) {
            testRail.faults().onCalls(method, 1, 2, throttled);
        }
        testRail.faults().onCalls("add_case", 5, 7, throttled);
        testRail.faults().onCalls("add_results_for_cases", 4, 5, throttled);

        PublishReport report = sync().publish(plan(suite("Checkout API", flows)), PublishSettings.builder()
                .project("Checkout").autoCreate(true).batchSize(7).closeRun(true).build(), PublishJournal.inMemory());

        assertThat(testRail.runs()).singleElement().satisfies(r -> {
            assertThat(r.caseIds()).hasSize(40);
            assertThat(testRail.results(r.id())).hasSize(40);
            assertThat(testRail.results(r.id()).stream().map(SimResult::caseId).distinct()).hasSize(40);
            assertThat(r.completed()).isTrue();
        });
        long suiteId = testRail.suites(project.id()).get(0).id();
        assertThat(testRail.cases(suiteId)).hasSize(40);
        assertThat(testRail.sections(suiteId)).hasSize(2);
        assertThat(report.postedResults()).isEqualTo(40);
        assertThat(client.stats().throttledResponses()).isGreaterThanOrEqualTo(14);
    }

    @Test
    void dryRunPrintsThePlanAndWritesNothing() throws Exception {
        ProjectSeed project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        project.addSuite("Checkout API").addSection("All").addCase("Add item");
        project.addMilestone("Sprint 9");
        CollectedResults results = plan(suite("Checkout API", flow("Checkout API", "Add item", RunStatus.FAILED),
                flow("Checkout API", "New one", RunStatus.PASSED)), suite("Payments", "Card"));

        TestRailSync.DryRun dry = sync().dryRun(results, PublishSettings.builder().project("Checkout").autoCreate(true)
                .milestone("Sprint 9").build());

        assertThat(testRail.callCounts().keySet()).allMatch(m -> m.startsWith("get_"));
        assertThat(dry.text()).contains("Create: 1 suite(s), 2 section(s), 2 case(s)").contains("+ suite 'Payments'")
                .contains("new plan 'Nightly (Loadmill 2026-11-26 08:00 UTC)' with 2 entries").contains("milestone M")
                .contains("results: 1 Failed, 1 Passed").contains("Checkout API / Add item -> C");
        assertThat(dry.report().dryRun()).isTrue();
        assertThat(dry.report().createdCases()).isEqualTo(2);
        assertThat(dry.report().postedResults()).isZero();
        assertThat(dry.report().flows()).extracting(FlowOutcome::testRailStatus).containsExactly("Failed", "Passed", "Passed");
    }

    @Test
    void resumingAgainstAnotherProjectIsRefused() throws Exception {
        testRail.addProject("A", TestRailSimulator.MULTIPLE_SUITES).addSuite("S").addSection("x").addCase("F");
        testRail.addProject("B", TestRailSimulator.MULTIPLE_SUITES).addSuite("S").addSection("x").addCase("F");
        Path resultsFile = dir.resolve("results.json");
        CollectedResults results = plan(suite("S", "F"));
        sync().publish(results, PublishSettings.builder().project("A").build(), resultsFile);
        assertThatThrownBy(() -> sync().publish(results, PublishSettings.builder().project("B").build(), resultsFile))
                .isInstanceOf(SyncConfigurationException.class).hasMessageContaining("delete the journal");
        assertThat(testRail.runs()).hasSize(1);
        // The next build writes its results to the same path: its journal starts afresh.
        sync().publish(SyncFixtures.planRun("plan-run-2", suite("S", "F")), PublishSettings.builder().project("B").build(),
                resultsFile);
        assertThat(testRail.runs()).hasSize(2);
    }
}
