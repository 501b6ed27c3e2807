package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.plan;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup.Config;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimConfigGroup;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configurations of plan runs, entries raced by parallel publishes, and idempotent closing. */
class PlanConfigurationsSyncTest {
    private static final CollectedResults RESULTS = plan(suite("Checkout API", "Add item", "Pay"));

    private static final List<ConfigGroup> GROUPS = List.of(
            new ConfigGroup(1, "Browser", List.of(new Config(11, 1, "Chrome"), new Config(12, 1, "Default"))),
            new ConfigGroup(2, "Environment", List.of(new Config(21, 2, "Staging"), new Config(22, 2, "Default"))),
            new ConfigGroup(3, "OS/Arch", List.of(new Config(31, 3, "linux/x64"))));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Environment/Staging|21|",
        "environment / staging|21|",
        "Staging|21|",
        "11|11|",
        "OS/Arch/linux/x64|31|",
        "Default||is in several configuration groups (Browser/Default, Environment/Default); write GROUP/NAME.",
        "Environment/Prod||is not in project 'Shop'; it has Browser/Chrome, Browser/Default, Environment/Staging"})
    void referencesAreResolvedByGroupAndNameNameOrId(String reference, Long id, String problem) {
        List<String> problems = new ArrayList<>();
        PlanConfigurations resolved = PlanConfigurations.resolve(List.of(reference), GROUPS, "Shop", problems);
        if (problem == null) {
            assertThat(problems).isEmpty();
            assertThat(resolved.ids()).containsExactly(id);
        } else {
            assertThat(problems).singleElement().asString().contains(problem);
        }
    }

    @Test
    void oneConfigurationPerGroup() {
        List<String> problems = new ArrayList<>();
        PlanConfigurations resolved = PlanConfigurations.resolve(List.of("Chrome", "Staging", "Staging"), GROUPS, "Shop",
                problems);
        assertThat(problems).isEmpty();
        assertThat(resolved.ids()).containsExactly(11L, 21L);
        assertThat(resolved.label()).isEqualTo("Browser/Chrome, Environment/Staging");
        PlanConfigurations.resolve(List.of("Chrome", "Browser/Default"), GROUPS, "Shop", problems);
        assertThat(problems).singleElement().asString().contains("Browser/Chrome and Browser/Default are of one group");
    }

    /**
     * Another publish adds the entry for the same suite and configuration between this publish reading
     * the plan and adding its own: this one finds the older run when it reads the plan again, adds its
     * cases there, posts there, and deletes its duplicate entry.
     */
    @Test
    void anEntryRacedByAnotherPublishIsJoinedAndTheDuplicateDeleted() throws Exception {
        try (TestRailSimulator sim = SyncHttpTesting.simulator()) {
            var project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
            var section = project.addSuite("Checkout API").addSection("Cart");
            section.addCase("Add item");
            section.addCase("Pay");
            SimConfigGroup env = sim.addConfigGroup(project.id(), "Environment", "Staging", "Production");
            long staging = env.configs().get(0).id();
            SimPlan plan = project.addPlan("Release 9");
            TestRailClient client = SyncHttpTesting.client(sim);
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            AtomicBoolean raced = new AtomicBoolean();
            TestRailApi api = (TestRailApi) Proxy.newProxyInstance(TestRailApi.class.getClassLoader(),
                    new Class<?>[] {TestRailApi.class}, (proxy, method, args) -> {
                        if (method.getName().equals("addPlanEntry") && !raced.getAndSet(true)) {
                            NewRun theirs = (NewRun) args[1];
                            // The other job's entry: the same suite and configuration, one of the cases.
                            otherJob.addPlanEntry((Long) args[0], new NewRun(theirs.suiteId(), theirs.name(),
                                    "", theirs.milestoneId(), theirs.caseIds().subList(0, 1), theirs.configIds()));
                        }
                        try {
                            return method.invoke(client, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            RecordingListener progress = new RecordingListener();
            PublishSettings settings = PublishSettings.builder().project("Checkout").existingPlanId(plan.id())
                    .configuration("Environment/Staging").build();

            PublishReport report = new TestRailSync(api, progress, Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                    .publish(RESULTS, settings, PublishJournal.inMemory());

            SimPlan after = sim.plan(plan.id()).orElseThrow();
            assertThat(after.entries()).as("the duplicate entry is gone").hasSize(1);
            long run = after.entries().get(0).runIds().get(0);
            assertThat(sim.runConfigIds(run)).containsExactly(staging);
            assertThat(sim.tests(run)).as("this publish's cases were added to the older run").hasSize(2);
            assertThat(sim.results(run)).hasSize(2);
            assertThat(report.runs()).singleElement().satisfies(r -> assertThat(r.runId()).isEqualTo(run));
            assertThat(report.callsByMethod()).containsEntry("delete_plan_entry", 1L)
                    .containsEntry("update_run_in_plan_entry", 1L).containsEntry("get_configs", 1L);
            assertThat(progress.lines).anyMatch(l -> l.contains("Another publish added an entry for suite 'Checkout API'"
                    + " with configurations Environment/Staging to plan P" + plan.id() + " at the same time"));
        }
    }

    /**
     * Two publishes add cases to one existing run: the other read the run's selection before this one
     * added "Pay", and replaces it after this one posted, removing "Pay" and its result. This publish
     * reads the run again after posting, adds "Pay" back and posts its result again.
     */
    @Test
    void casesAnotherPublishRemovedFromASharedRunAreAddedBackAndTheirResultsPostedAgain() throws Exception {
        try (TestRailSimulator sim = SyncHttpTesting.simulator()) {
            var project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
            var suite = project.addSuite("Checkout API");
            var section = suite.addSection("Cart");
            long addItem = section.addCase("Add item").id();
            section.addCase("Pay");
            long runId = project.addRun(suite.id(), "Nightly").id();
            TestRailClient client = SyncHttpTesting.client(sim);
            client.updateRunCases(runId, List.of(addItem));
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            AtomicBoolean raced = new AtomicBoolean();
            TestRailApi api = (TestRailApi) Proxy.newProxyInstance(TestRailApi.class.getClassLoader(),
                    new Class<?>[] {TestRailApi.class}, (proxy, method, args) -> {
                        Object answer;
                        try {
                            answer = method.invoke(client, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("addResultsForCases") && !raced.getAndSet(true)) {
                            otherJob.updateRunCases(runId, List.of(addItem)); // its stale selection
                        }
                        return answer;
                    });
            RecordingListener progress = new RecordingListener();
            PublishSettings settings = PublishSettings.builder().project("Checkout").existingRunId(runId).build();

            PublishReport report = new TestRailSync(api, progress, Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                    .publish(RESULTS, settings, PublishJournal.inMemory());

            assertThat(sim.tests(runId)).hasSize(2).allSatisfy(t -> assertThat(t.statusId()).isEqualTo(1));
            // update_run: adding "Pay", adding it back; get_tests: planning, before the update, two checks after posting.
            assertThat(report.callsByMethod()).containsEntry("update_run", 2L).containsEntry("add_results_for_cases", 2L)
                    .containsEntry("get_tests", 4L);
            assertThat(progress.lines).anyMatch(l -> l.contains("Another publish replaced the cases of run R" + runId
                    + " at the same time and removed 1 case(s)"));
        }
    }

    @Test
    void closingARunOrPlanThatIsAlreadyClosedIsSuccess() throws Exception {
        for (boolean refused : List.of(true, false)) {
            try (TestRailSimulator sim = SyncHttpTesting.simulator()) {
                sim.setClosingClosedRefused(refused);
                var project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
                long suite = project.addSuite("Checkout API").id();
                long run = project.addRun(suite, "Nightly").id();
                long planId = project.addPlan("Release 9").id();
                sim.closeRun(run);
                sim.closePlan(planId);
                TestRailClient client = SyncHttpTesting.client(sim);
                assertThat(client.closeRun(run).completed()).isTrue();
                assertThat(client.closePlan(planId).completed()).isTrue();
            }
        }
    }
}
