package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimMilestone;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The checks before Loadmill runs, as both front ends get them: what they read, refuse and let pass. */
class TestRailPreflightTest {
    private final RecordingListener progress = new RecordingListener();
    private TestRailSimulator sim;
    private TestRailClient client;
    private ProjectSeed shop;
    private long checkout;

    @BeforeEach
    void start() {
        sim = SyncHttpTesting.simulator();
        client = SyncHttpTesting.client(sim, Duration.ofMillis(100));
        shop = sim.addProject("Shop", TestRailSimulator.MULTIPLE_SUITES);
        checkout = shop.addSuite("Checkout").id();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private PublishSettings.Builder settings() {
        return PublishSettings.builder().project("Shop");
    }

    @Test
    void aProjectByIdAndAMilestoneByIdCostOneCallEachBesidesTheCredentialsAndTheResultFields() throws InterruptedException {
        SimMilestone release = shop.addMilestone("Release 7");
        PreflightReport report = TestRailPreflight.check(client,
                PublishSettings.builder().project("P" + shop.id()).milestone("M" + release.id()).build(), progress);
        assertThat(report.complete()).isTrue();
        assertThat(report.callsByMethod()).isEqualTo(Map.of("get_user_by_email", 1L, "get_project", 1L,
                "get_milestone", 1L, "get_result_fields", 1L));
        assertThat(report.totalCalls()).isEqualTo(4);
        assertThat(progress.warnings()).isEmpty();
    }

    @Test
    void aRunOfAPlanIsRefusedNamingThePlanSetting() throws InterruptedException {
        TestPlan plan = client.addPlan(shop.id(), new NewPlan("Nightly", "", OptionalLong.empty(),
                List.of(new NewRun(checkout, "Checkout", "", OptionalLong.empty(), List.of()))));
        long runId = plan.entries().get(0).runs().get(0).id();

        TestRailPreflightException e = catchThrowableOfType(TestRailPreflightException.class,
                () -> TestRailPreflight.check(client, settings().existingRunId(runId).build(), progress));

        assertThat(e.problems()).singleElement().asString().contains("(--existing-run) R" + runId,
                "belongs to the test plan P" + plan.id(), "--existing-plan " + plan.id());
        assertThat(e.kind()).isEqualTo(io.jenkins.plugins.loadmilltestrail.engine.EngineException.Kind.CONFIGURATION);
        assertThat(e.report().callsByMethod()).containsEntry("get_run", 1L);
    }

    @Test
    void testRailNotAnsweringEndsThePreflightWithAWarningAndNoVerdict() throws InterruptedException {
        sim.faults().always("get_projects", Fault.status(503, "{\"error\":\"down\"}"));
        PreflightReport report = TestRailPreflight.check(client, settings().milestone("Release 9").build(), progress);
        assertThat(report.complete()).isFalse();
        assertThat(report.callsByMethod()).containsKeys("get_user_by_email", "get_projects")
                .doesNotContainKey("get_milestones");
        assertThat(progress.warnings()).singleElement().asString().startsWith("TestRail did not answer before the Loadmill run");
    }

    @Test
    void problemsFoundBeforeTestRailStoppedAnsweringStillStopTheBuild() {
        sim.faults().always("get_run", Fault.status(503, "{\"error\":\"down\"}"));
        TestRailPreflightException e = catchThrowableOfType(TestRailPreflightException.class,
                () -> TestRailPreflight.check(client, settings().statusMap(Map.of("FLAKY", "Wobbly")).existingRunId(5)
                        .build(), progress));
        assertThat(e.getMessage()).startsWith("The status map (--status-map) entry FLAKY=Wobbly cannot be used")
                .endsWith("Loadmill was not started.");
        assertThat(progress.warnings()).singleElement().asString().contains("get_run");
    }

    @Test
    void aBaselineThatIsNotASuiteIsFoundWhenTheSuiteMapNeedsTheSections() {
        ProjectSeed baselines = sim.addProject("Lines", TestRailSimulator.SINGLE_SUITE_BASELINES);
        baselines.masterSuite().addSection("Payments");
        TestRailPreflightException e = catchThrowableOfType(TestRailPreflightException.class,
                () -> TestRailPreflight.check(client, PublishSettings.builder().project("Lines").baseline("2.0")
                        .suiteMap(Map.of("Checkout", "Payments")).build(), progress));
        assertThat(e.problems()).singleElement().asString().startsWith("The baseline (--baseline) '2.0' is not a suite");
    }
}
