package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.Backoff;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillRunner;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.report.ResultsFile;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimConfigGroup;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimUser;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 items 3-5 through the engine: Loadmill simulator → results file → publish with evidence. */
class TestRailSyncEvidenceTest {
    @TempDir
    Path dir;

    private TestRailSimulator testRail;
    private TestRailClient client;
    private final RecordingListener lines = new RecordingListener();
    private SimUser qa;
    private ProjectSeed project;

    @BeforeEach
    void start() {
        testRail = SyncHttpTesting.simulator();
        client = SyncHttpTesting.client(testRail);
        qa = testRail.addUser("qa@example.com", "qa-key");
        project = testRail.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        project.addSuite("Checkout API").addSection("Cart");
    }

    @AfterEach
    void stop() {
        testRail.close();
        assertThat(String.join("\n", lines.lines)).doesNotContain(SyncHttpTesting.KEY);
    }

    /** Three failed flows with failed requests, one passed; saved and read back as a build does. */
    private CollectedResults results(Path file) throws Exception {
        try (LoadmillSimulator loadmill = LoadmillSimulator.start()) {
            TestPlanScenario plan = loadmill.addTestPlan("Nightly").suite("Checkout API", s -> s.passed("Add item")
                    .failedAssertion("Pay", "__status", "equals", "200", "500")
                    .failedAssertion("Refund", "__status", "equals", "200", "502")
                    .failedRequest("Cancel", "HTTP status 503 - Service Unavailable"));
            LoadmillSettings settings = LoadmillSettings.builder().baseUrl(loadmill.url()).apiToken(loadmill.token())
                    .pollInterval(Duration.ofMillis(20)).timeout(Duration.ofSeconds(30)).testPlanId(plan.id()).build();
            CollectedResults results = new LoadmillRunner(SyncHttpTesting.OK_HTTP, settings, ProgressListener.SILENT,
                    LoadmillRunner.Options.DEFAULTS.withBackoff(new Backoff(Duration.ofMillis(5), Duration.ofMillis(20))))
                    .run();
            ResultsFile.write(results, file);
            return ResultsFile.read(file);
        }
    }

    private PublishSettings.Builder settings() {
        return PublishSettings.builder().project("Checkout").autoCreate(true).attachFailures(true)
                .assignFailed("qa@example.com").runRefs("SHOP-1").runDescription("Nightly ${LOADMILL_RUN_ID}");
    }

    @Test
    void evidenceSurvivesTheResultsFileAndEachFailedResultGetsItsAttachmentAndAssignee() throws Exception {
        Path file = dir.resolve("results.json");
        CollectedResults results = results(file);
        assertThat(results.suites().get(0).flows()).filteredOn(f -> !f.evidence().isEmpty()).hasSize(3);

        PublishReport report = SyncHttpTesting.sync(client, lines).publish(results, settings().build(), file);

        long runId = testRail.runs().get(0).id();
        assertThat(testRail.runRefs(runId)).isEqualTo("SHOP-1");
        assertThat(testRail.runs().get(0).description()).isEqualTo("Nightly " + results.runId());
        List<SimResult> failed = testRail.results(runId).stream().filter(r -> r.statusId() != 1).toList();
        assertThat(failed).hasSize(3).allSatisfy(r -> {
            assertThat(testRail.resultAssignee(r.id())).isEqualTo(qa.id());
            assertThat(testRail.attachments(r.id())).singleElement()
                    .satisfies(a -> assertThat(a.text()).contains("Authorization: [hidden]").doesNotContain("sim-secret"));
        });
        assertThat(testRail.results(runId)).filteredOn(r -> r.statusId() == 1)
                .allSatisfy(r -> assertThat(testRail.resultAssignee(r.id())).isZero());
        assertThat(report.callsByMethod()).containsEntry("add_attachment_to_result", 3L).containsEntry("get_user_by_email", 1L);
    }

    /**
     * Plan configurations together with result fields, description, references, assignee and
     * attachments: the configured run of the new plan gets the references and description, every
     * result the field value, the failed ones their assignee and attachment.
     */
    @Test
    void aConfiguredPlanRunGetsReferencesResultFieldsAssigneeAndAttachments() throws Exception {
        Path file = dir.resolve("results.json");
        CollectedResults results = results(file);
        SimConfigGroup environment = testRail.addConfigGroup(project.id(), "Environment", "Staging", "Production");
        long staging = environment.configs().get(0).id();
        testRail.addResultField("environment", "Environment", 6,
                SimFieldConfig.globalConfig(true, "").withItems("1, Staging", "2, Production"));
        PublishSettings settings = settings().configuration("Environment/Staging")
                .resultField("custom_environment", "Production").build();

        PreflightReport preflight = TestRailPreflight.check(client, settings, ProgressListener.SILENT);
        assertThat(preflight.callsByMethod()).containsEntry("get_configs", 1L).containsEntry("get_result_fields", 1L);
        PublishReport report = SyncHttpTesting.sync(client, lines).publish(results, settings, file);

        SimPlan plan = testRail.plan(testRail.plans().get(0).id()).orElseThrow();
        assertThat(plan.entries()).singleElement().satisfies(e -> assertThat(e.runIds()).hasSize(1));
        long runId = plan.entries().get(0).runIds().get(0);
        assertThat(testRail.runConfigIds(runId)).containsExactly(staging);
        assertThat(testRail.runRefs(runId)).isEqualTo("SHOP-1");
        assertThat(testRail.results(runId)).hasSize(4)
                .allSatisfy(r -> assertThat(r.fields()).containsEntry("custom_environment", 2));
        List<SimResult> failed = testRail.results(runId).stream().filter(r -> r.statusId() != 1).toList();
        assertThat(failed).hasSize(3).allSatisfy(r -> {
            assertThat(testRail.resultAssignee(r.id())).isEqualTo(qa.id());
            assertThat(testRail.attachments(r.id())).hasSize(1);
        });
        assertThat(report.callsByMethod()).containsEntry("get_configs", 1L).containsEntry("add_plan", 1L)
                .containsEntry("add_attachment_to_result", 3L).doesNotContainKey("add_run");
    }

    @Test
    void anUploadWhoseAnswerIsLostIsNotSentAgainAndTheOthersGoOn() throws Exception {
        Path file = dir.resolve("results.json");
        CollectedResults results = results(file);
        testRail.faultsAfterCommit().onCall("add_attachment_to_result", 1, Fault.status(500, "{\"error\":\"boom\"}"));

        PublishReport report = SyncHttpTesting.sync(client, lines).publish(results, settings().build(), file);

        assertThat(report.postedResults()).isEqualTo(4);
        assertThat(report.callsByMethod()).containsEntry("add_attachment_to_result", 3L);
        assertThat(testRail.attachments()).hasSize(3);
        assertThat(lines.lines).anySatisfy(l -> assertThat(l).contains("did not take its attachment")
                .contains("may or may not have stored the attachment"));
    }

    @Test
    void anUnknownAssigneeStopsThePublishBeforeAnyWrite() throws Exception {
        Path file = dir.resolve("results.json");
        CollectedResults results = results(file);

        assertThatThrownBy(() -> SyncHttpTesting.sync(client, lines)
                .publish(results, settings().assignFailed("ghost@example.com").build(), file))
                .isInstanceOf(SyncConfigurationException.class)
                .hasMessageContaining("'ghost@example.com' is not a TestRail user");
        assertThat(testRail.runs()).isEmpty();
    }

    @Test
    void thePreflightRefusesAnUnknownAssignee() throws Exception {
        assertThatThrownBy(() -> TestRailPreflight.check(client, settings().assignFailed("ghost@example.com").build(),
                ProgressListener.SILENT)).isInstanceOf(TestRailPreflightException.class)
                .hasMessageContaining("(--assign-failed) 'ghost@example.com' is not a TestRail user");
        PreflightReport ok = TestRailPreflight.check(client, settings().build(), ProgressListener.SILENT);
        assertThat(ok.callsByMethod()).containsEntry("get_user_by_email", 2L);
    }
}
