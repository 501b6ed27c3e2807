package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.client;
import static io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailTesting.simulator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.User;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TwoCaseProject;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call of the client against the simulator in normal (fault-free) mode. */
class TestRailClientTest {
    private TestRailSimulator sim;
    private TestRailClient client;
    private TwoCaseProject seed;

    @BeforeEach
    void seed() {
        sim = simulator();
        seed = TwoCaseProject.seed(sim, "Orders API");
        client = client(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void readsProjectsSuitesSectionsAndCases() throws InterruptedException {
        assertThat(client.getProjects()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("Checkout");
            assertThat(p.suiteMode()).isEqualTo(SuiteMode.MULTIPLE_SUITES);
            assertThat(p.url()).endsWith("index.php?/projects/overview/" + seed.project().id());
        });
        assertThat(client.getProject(seed.project().id()).name()).isEqualTo("Checkout");
        assertThat(client.getSuites(seed.project().id())).extracting(s -> s.name()).containsExactly("Orders API");
        assertThat(client.getSuite(seed.suite().id()).projectId()).isEqualTo(seed.project().id());
        assertThat(client.getSections(seed.project().id(), seed.suite().id())).singleElement()
                .satisfies(s -> assertThat(s.parentId()).isEmpty());
        assertThat(client.getCases(seed.project().id(), seed.suite().id())).extracting(TestCase::title)
                .containsExactly("Create order", "Cancel order");
        assertThat(client.getCases(seed.project().id(), seed.suite().id(), seed.section().id())).hasSize(2);
        assertThat(client.getCase(seed.first().id()).sectionId()).isEqualTo(seed.section().id());
    }

    @Test
    void createsSuitesSectionsAndCases() throws InterruptedException {
        var created = client.addSuite(seed.project().id(), "Payments", "from Loadmill");
        Section root = client.addSection(seed.project().id(), created.id(), "Cards", OptionalLong.empty());
        Section child = client.addSection(seed.project().id(), created.id(), "Saved", OptionalLong.of(root.id()));
        TestCase c1 = client.addCase(child.id(), NewCase.titled("Pay with saved card"));
        TestCase c2 = client.addCase(child.id(), NewCase.titled("Pay with saved card"));

        assertThat(child.parentId()).hasValue(root.id());
        assertThat(child.depth()).isEqualTo(1);
        assertThat(c2.displayOrder()).isEqualTo(c1.displayOrder() + 1);
        assertThat(sim.cases(created.id())).hasSize(2);
    }

    @Test
    void singleSuiteProjectsNeedNoSuiteId() throws InterruptedException {
        ProjectSeed single = sim.addProject("Legacy", TestRailSimulator.SINGLE_SUITE);
        single.masterSuite().addSection("S").addCase("One");
        assertThat(client.getCases(single.id(), 0)).extracting(TestCase::title).containsExactly("One");
        Section added = client.addSection(single.id(), 0, "More", OptionalLong.empty());
        assertThat(added.suiteId()).isEqualTo(single.masterSuite().id());
        assertThatThrownBy(() -> client.addSuite(single.id(), "Nope", ""))
                .isInstanceOf(TestRailBadRequestException.class);
    }

    @Test
    void readsFieldsStatusesMilestonesAndUser() throws InterruptedException {
        sim.addCaseField("automation_id", "Automation ID", 1, SimFieldConfig.globalConfig(false, ""));
        sim.addResultField("env", "Environment", 1,
                new SimFieldConfig(false, List.of(seed.project().id()), true, "staging"));
        sim.addCustomStatus("Flaky");
        seed.project().addMilestone("R1");

        assertThat(client.getCaseFields()).extracting(CustomField::systemName).containsExactly("custom_automation_id");
        CustomField env = client.getResultFields().get(0);
        assertThat(env.requiredIn(seed.project().id())).isTrue();
        assertThat(env.configFor(seed.project().id()).orElseThrow().defaultValue()).isEqualTo("staging");
        assertThat(env.requiredIn(seed.project().id() + 1000)).isFalse();
        assertThat(client.getStatuses()).extracting(s -> s.label())
                .containsExactly("Passed", "Blocked", "Untested", "Retest", "Failed", "Flaky");
        assertThat(client.getStatuses().get(2).untested()).isTrue();
        assertThat(client.getMilestones(seed.project().id())).extracting(m -> m.name()).containsExactly("R1");
        User me = client.currentUser();
        assertThat(me.email()).isEqualTo(TestRailTesting.USER);
    }

    @Test
    void runLifecycle() throws InterruptedException {
        TestRun run = client.addRun(seed.project().id(), new NewRun(seed.suite().id(), "Build 1", "", OptionalLong.empty(),
                List.of(seed.first().id())));
        assertThat(client.getTests(run.id())).extracting(t -> t.caseId()).containsExactly(seed.first().id());

        client.updateRunCases(run.id(), List.of(seed.first().id(), seed.second().id()));
        assertThat(client.getTests(run.id())).hasSize(2);

        List<PostedResult> posted = client.addResultsForCases(run.id(), List.of(
                new ResultEntry(seed.second().id(), 5, "failed at step 3", "4s", "build 1", Map.of()),
                new ResultEntry(seed.first().id(), 1, "", "", "", Map.of())));
        assertThat(posted).extracting(PostedResult::statusId).containsExactly(5, 1);
        assertThat(sim.results(run.id())).hasSize(2);

        TestRun closed = client.closeRun(run.id());
        assertThat(closed.completed()).isTrue();
        assertThat(client.getRun(run.id()).completed()).isTrue();
        assertThatThrownBy(() -> client.addResultsForCases(run.id(),
                List.of(new ResultEntry(seed.first().id(), 1, "", "", "", Map.of()))))
                .isInstanceOf(TestRailBadRequestException.class)
                .hasMessageContaining("completed");
    }

    @Test
    void planLifecycle() throws InterruptedException {
        SuiteSeed other = seed.project().addSuite("Payments API");
        SimCase pay = other.addSection("Loadmill").addCase("Pay");
        TestPlan plan = client.addPlan(seed.project().id(), new NewPlan("Nightly", "", OptionalLong.empty(), List.of(
                new NewRun(seed.suite().id(), "Orders", "", OptionalLong.empty(), List.of(seed.first().id())))));
        assertThat(plan.entries()).singleElement().satisfies(e -> assertThat(e.runs()).hasSize(1));

        PlanEntry entry = client.addPlanEntry(plan.id(), new NewRun(other.id(), "Payments", "", OptionalLong.empty(),
                List.of(pay.id())));
        long entryRun = entry.runs().get(0).id();
        assertThat(entry.runs().get(0).planId()).hasValue(plan.id());

        client.updatePlanEntryCases(plan.id(), entry.id(), List.of());
        assertThat(client.getTests(entryRun)).isEmpty();
        assertThatThrownBy(() -> client.updateRunCases(entryRun, List.of(pay.id())))
                .isInstanceOf(TestRailBadRequestException.class)
                .hasMessageContaining("belongs to a test plan");

        assertThat(client.getPlan(plan.id()).entries()).hasSize(2);
        assertThat(client.closePlan(plan.id()).completed()).isTrue();
        assertThat(client.getRun(entryRun).completed()).isTrue();
    }

    @Test
    void currentUserFallsBackWhenTheLoginIsNotAnEmail() throws InterruptedException {
        sim.addUser("jenkins-ldap", "ldap-key");
        TestRailClient ldap = TestRailTesting.client(TestRailSettings.of(sim.url(), "jenkins-ldap", "ldap-key"));
        User me = ldap.currentUser();
        assertThat(me.name()).isEqualTo("jenkins-ldap");
        assertThat(sim.calls("get_user_by_email")).isEqualTo(1);
        assertThat(sim.calls("get_projects")).isEqualTo(1);
    }

    @Test
    void theDefaultClientUsesTheLimiterSharedByItsHost() throws InterruptedException {
        TestRailSettings settings = TestRailSettings.of(sim.url(), TestRailTesting.USER, TestRailTesting.KEY);
        assertThat(TestRailClient.sharedLimiter(settings)).isSameAs(TestRailClient.sharedLimiter(settings));
        TestRailClient shared = new TestRailClient(settings, TestRailTesting.OK_HTTP, ProgressListener.SILENT);
        assertThat(shared.getProjects()).hasSize(1);
        assertThat(shared.stats().callsByMethod()).containsEntry("get_projects", 1L);
    }

    @Test
    void planEntryIdsAreEscapedInThePath() throws InterruptedException {
        sim.setEntryIdsNeedingEscapes(true);
        TestPlan plan = client.addPlan(seed.project().id(), new NewPlan("P", "", OptionalLong.empty(),
                List.of(new NewRun(seed.suite().id(), "E", "", OptionalLong.empty(), List.of(seed.first().id())))));
        PlanEntry entry = plan.entries().get(0);
        assertThat(entry.id()).startsWith(TestRailSimulator.ENTRY_ID_ESCAPES);
        PlanEntry updated = client.updatePlanEntryCases(plan.id(), entry.id(), List.of(seed.second().id()));
        assertThat(updated.id()).isEqualTo(entry.id());
        assertThat(sim.tests(entry.runs().get(0).id())).extracting(t -> t.caseId()).containsExactly(seed.second().id());
    }
}
