package io.jenkins.plugins.loadmilltestrail.engine.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.report.ResultsFile;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimSection;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimSuite;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade over real HTTP: the order of the steps, what is kept when TestRail fails, the checks. */
class LoadmillTestRailJobTest {
    private static final String KEY = "tr-key-for-tests";

    @TempDir
    Path dir;

    private final OkHttpClient http = new OkHttpClient();
    private final RecordingListener progress = new RecordingListener();
    private LoadmillSimulator loadmill;
    private TestRailSimulator testRail;
    private TestPlanScenario plan;
    private Path results;

    @BeforeEach
    void start() {
        loadmill = LoadmillSimulator.start();
        testRail = TestRailSimulator.start();
        plan = loadmill.addTestPlan("Nightly").suite("Checkout", s -> s.passed("Pay by card")
                .failedAssertion("Refund", "__status", "equals", "200", "500").flaky("Add to cart", 1));
        testRail.addUser("ci@example.com", KEY);
        ProjectSeed project = testRail.addProject("Shop", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed section = project.addSuite("Checkout").addSection("Payments");
        section.addCase("Pay by card");
        section.addCase("Refund");
        section.addCase("Add to cart");
        results = dir.resolve("results.json");
    }

    @AfterEach
    void stop() {
        loadmill.close();
        testRail.close();
        http.dispatcher().executorService().shutdown();
    }

    private TestRailSettings testRailSettings(String key) {
        return TestRailSettings.of(testRail.url(), "ci@example.com", key).withRequestsPerMinute(60_000)
                .withMaxRetryWait(Duration.ofMillis(100));
    }

    private JobSettings settings(String key, boolean dryRun) {
        LoadmillSettings loadmillSettings = LoadmillSettings.builder().baseUrl(loadmill.url()).apiToken(loadmill.token())
                .testPlanId(plan.id()).pollInterval(Duration.ofMillis(20)).build();
        return new JobSettings(loadmillSettings, testRailSettings(key), PublishSettings.builder().project("Shop").build(),
                results, Optional.of(dir.resolve("junit.xml")), dryRun);
    }

    private LoadmillTestRailJob job() {
        return new LoadmillTestRailJob(http);
    }

    @Test
    void runCollectsSavesThenPublishes() throws InterruptedException {
        JobOutcome outcome = job().run(settings(KEY, false), progress);
        assertThat(outcome.total()).isEqualTo(3);
        assertThat(outcome.passed()).isEqualTo(1);
        assertThat(outcome.flaky()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(1);
        assertThat(outcome.allPassed()).isFalse();
        assertThat(outcome.planText()).isEmpty();
        assertThat(outcome.report().postedResults()).isEqualTo(3);
        assertThat(results).isNotEmptyFile();
        assertThat(dir.resolve("junit.xml")).isNotEmptyFile();
        assertThat(testRail.runs()).hasSize(1);
    }

    @Test
    void controlCharactersInLoadmillNamesReachNeitherTheProgressNorTestRail() throws InterruptedException {
        // ESC]0;…BEL retitles a terminal, ESC[31m colours a log, CSI (0x9B) is ESC[ in one byte,
        // CR and newline forge log lines.
        TestPlanScenario hostile = loadmill.addTestPlan("Nightly\u001B]0;pwned\u0007 build")
                .suite("Check\u001B[31mout", s -> s.passed("Pay\u001B]0;pwned\u0007 by card")
                        .failedWithError("Refund\tnow\r\nFinished: SUCCESS", "boom")
                        .passed("Add\u009B2J to cart"));
        loadmill.faults().always(LoadmillSimulator.FLOW_RUN_ENDPOINT, Fault.status(500, "{}"));
        List<String> lines = new CopyOnWriteArrayList<>();
        ProgressListener recording = new ProgressListener() {
            @Override
            public void phase(String message) {
                lines.add(message);
            }

            @Override
            public void info(String message) {
                lines.add(message);
            }

            @Override
            public void warn(String message) {
                lines.add(message);
            }
        };
        LoadmillSettings loadmillSettings = LoadmillSettings.builder().baseUrl(loadmill.url()).apiToken(loadmill.token())
                .testPlanId(hostile.id()).pollInterval(Duration.ofMillis(20)).build();
        PublishSettings publish = PublishSettings.builder().project("Shop").autoCreate(true)
                .runName("${LOADMILL_NAME} / ${LOADMILL_SUITE}").build();

        job().run(new JobSettings(loadmillSettings, testRailSettings(KEY), publish, results, Optional.empty(), false),
                recording);

        long project = testRail.projects().get(0).id();
        SimSuite created = testRail.suites(project).stream().filter(suite -> suite.name().contains("[31m"))
                .findFirst().orElseThrow();
        assertThat(created.name()).isEqualTo("Check\uFFFD[31mout");
        assertThat(testRail.sections(created.id())).extracting(SimSection::name).allSatisfy(this::assertPrintable);
        assertThat(testRail.cases(created.id())).extracting(SimCase::title).containsExactly(
                "Pay\uFFFD]0;pwned\uFFFD by card", "Refund now Finished: SUCCESS", "Add\uFFFD2J to cart");
        assertThat(testRail.runs()).extracting(SimRun::name)
                .containsExactly("Nightly\uFFFD]0;pwned\uFFFD build / Check\uFFFD[31mout");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Suite Check\uFFFD[31mout: FAILED"))
                .anySatisfy(line -> assertThat(line).contains("flow Refund now  Finished: SUCCESS: Loadmill answered HTTP 500"))
                .allSatisfy(this::assertPrintable);
    }

    private void assertPrintable(String text) {
        assertThat(text.chars().filter(Character::isISOControl).toArray()).as(text).isEmpty();
    }

    @Test
    void theHookRunsAfterSavingAndBeforePublishing() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        job().run(settings(KEY, false), progress, (collected, resultsFile, junitFile) -> {
            assertThat(resultsFile).isNotEmptyFile();
            assertThat(junitFile).hasValueSatisfying(junit -> assertThat(junit).isNotEmptyFile());
            assertThat(testRail.runs()).isEmpty();
            seen.add(collected.runId());
        });
        assertThat(seen).hasSize(1);
        assertThat(testRail.runs()).hasSize(1);
    }

    @Test
    void anIOExceptionFromTheHookStopsBeforePublishing() {
        assertThatThrownBy(() -> job().run(settings(KEY, false), progress, (collected, resultsFile, junitFile) -> {
            throw new IOException("workspace is read-only");
        })).isInstanceOf(IOException.class).hasMessage("workspace is read-only");
        assertThat(results).isNotEmptyFile();
        assertThat(testRail.runs()).isEmpty();
        assertThat(testRail.plans()).isEmpty();
    }

    @Test
    void dryRunPlansAndWritesNothing() throws InterruptedException {
        JobOutcome outcome = job().run(settings(KEY, true), progress);
        assertThat(outcome.report().dryRun()).isTrue();
        assertThat(outcome.planText()).contains("Pay by card");
        assertThat(results).isNotEmptyFile();
        assertThat(testRail.runs()).isEmpty();
        assertThat(testRail.callCounts().keySet()).noneMatch(method -> method.startsWith("add_"));
    }

    @Test
    void whenTestRailFailsAfterCollectionTheResultsAreKeptAndTheMessageSaysWhere() throws Exception {
        testRail.faults().always("add_run", Fault.status(503, "{\"error\":\"maintenance\"}"));
        PublishFailedException failure = catchThrowableOfType(PublishFailedException.class,
                () -> job().run(settings(KEY, false), progress));
        assertThat(failure.kind()).isEqualTo(EngineException.Kind.TESTRAIL);
        assertThat(failure.resultsFile()).isEqualTo(results);
        assertThat(failure.collected().flows()).hasSize(3);
        assertThat(FlowCounts.of(failure.collected())).isEqualTo(new FlowCounts(3, 1, 1, 1));
        assertThat(failure.reason()).isNotBlank().doesNotContain("publish --results");
        assertThat(failure.getMessage()).endsWith("The collected results are kept in " + results + ".")
                .doesNotContain("loadmill-testrail").doesNotContain(KEY);
        assertThat(ResultsFile.read(results).flows()).hasSize(3);

        testRail.faults().clearFaults();
        JobOutcome finished = job().publish(results, testRailSettings(KEY), PublishSettings.builder().project("Shop").build(),
                progress);
        assertThat(finished.report().postedResults()).isEqualTo(3);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.runs()).hasSize(1);
    }

    @Test
    void wrongTestRailKeyFailsBeforeLoadmillRuns() {
        assertThatThrownBy(() -> job().run(settings("wrong", false), progress))
                .isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.TESTRAIL))
                .message().doesNotContain("wrong");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(results).doesNotExist();
    }

    @Test
    void testRailNotAnsweringBeforeTheRunIsOnlyAWarning() throws InterruptedException {
        testRail.faults().next("get_user_by_email", 50, Fault.status(503, "{\"error\":\"maintenance\"}"));
        JobOutcome outcome = job().run(settings(KEY, false), progress);
        assertThat(progress.warnings()).anyMatch(w -> w.startsWith("TestRail did not answer before the Loadmill run"));
        assertThat(outcome.report().postedResults()).isEqualTo(3);
    }

    @Test
    void invalidSettingsFailBeforeAnyCall() {
        LoadmillSettings loadmillSettings = LoadmillSettings.builder().baseUrl(loadmill.url()).apiToken(loadmill.token())
                .testPlanId(plan.id()).build();
        TestRailSettings noUrl = new TestRailSettings("", "ci@example.com", KEY, 180, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), TestRailSettings.DEFAULT_MAX_RESPONSE_BYTES);
        JobSettings settings = new JobSettings(loadmillSettings, noUrl, PublishSettings.builder().project("Shop").build(),
                results, Optional.empty());
        assertThatThrownBy(() -> job().run(settings, progress)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("TestRail URL is missing");
        assertThatThrownBy(() -> job().run(new JobSettings(loadmillSettings, testRailSettings(KEY),
                PublishSettings.builder().project("Shop").build(), dir, Optional.empty()), progress))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("is a folder");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(testRail.callCounts()).isEmpty();
    }

    @Test
    void publishingAMissingResultsFileSaysWhichFile() {
        Path missing = dir.resolve("nope.json");
        assertThatThrownBy(() -> job().publish(missing, testRailSettings(KEY), PublishSettings.builder().project("Shop").build(),
                progress)).isInstanceOf(InvalidSettingsException.class).hasMessageContaining(missing + " does not exist");
    }

    @Test
    void connectionChecksSayWhoIsConnected() throws InterruptedException {
        assertThat(job().checkTestRail(testRailSettings(KEY)))
                .isEqualTo("Connected to TestRail at " + testRail.url() + " as ci (ci@example.com)");
        assertThat(job().checkLoadmill(loadmill.url(), loadmill.token())).startsWith("Connected to Loadmill at " + loadmill.url());
        assertThatThrownBy(() -> job().checkTestRail(testRailSettings("wrong"))).isInstanceOf(EngineException.class)
                .message().doesNotContain("wrong");
        assertThatThrownBy(() -> job().checkLoadmill(loadmill.url(), "bad-token")).isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(((EngineException) e).kind()).isEqualTo(EngineException.Kind.LOADMILL))
                .message().doesNotContain("bad-token");
    }

    @Test
    void aConnectionCheckLeavesTheHostsRateLimitAsRunningPublishesSetIt() throws InterruptedException {
        RateLimiter shared = TestRailClient.sharedLimiter(testRailSettings(KEY)); // as a running publish sets it
        assertThat(shared.limit()).isEqualTo(RateLimiter.Limit.perMinute(60_000));

        job().checkTestRail(testRailSettings(KEY).withRequestsPerMinute(7)); // an unsaved form value

        assertThat(shared.limit()).isEqualTo(RateLimiter.Limit.perMinute(60_000));
        assertThat(TestRailClient.sharedLimiter(testRailSettings(KEY))).isSameAs(shared);
    }
}
