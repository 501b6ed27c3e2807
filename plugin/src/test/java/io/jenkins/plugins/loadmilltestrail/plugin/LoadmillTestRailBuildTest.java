package io.jenkins.plugins.loadmilltestrail.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.FilePath;
import hudson.model.Executor;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Result;
import hudson.model.Run;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Whole builds against the local Loadmill and TestRail simulators: Pipeline inside and outside
 * {@code node}, freestyle, failed flows, service errors, abort, and secrets kept out of the log.
 */
@WithJenkins
class LoadmillTestRailBuildTest {
    private static final String PROJECT = "Payments";
    private static final String SUITE = "Orders API";

    private JenkinsRule j;
    private LoadmillSimulator loadmill;
    private TestRailSimulator testRail;
    private SectionSeed section;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        loadmill = LoadmillSimulator.start(TestCredentials.LOADMILL_TOKEN);
        testRail = TestRailSimulator.start();
        testRail.addUser(TestCredentials.TESTRAIL_USER, TestCredentials.TESTRAIL_KEY);
        ProjectSeed project = testRail.addProject(PROJECT, TestRailSimulator.MULTIPLE_SUITES);
        section = project.addSuite(SUITE).addSection("Orders");
        section.addCase("Create order");
        section.addCase("Cancel order");
        TestCredentials.add();

        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        config.setTestRailUrl(testRail.url());
        config.setTestRailCredentialsId(TestCredentials.TESTRAIL_ID);
        config.setLoadmillUrl(loadmill.url());
        config.setLoadmillCredentialsId(TestCredentials.LOADMILL_ID);
        config.setLoadmillPollIntervalSeconds(1);
        config.setLoadmillTimeoutMinutes(2);
        config.setTestRailRetryWaitSeconds(3); // a TestRail that stays down fails the publish quickly
    }

    @AfterEach
    void tearDown() {
        if (loadmill != null) {
            loadmill.close();
        }
        if (testRail != null) {
            testRail.close();
        }
    }

    private TestPlanScenario planWithTwoPassingFlows() {
        return loadmill.addTestPlan("Nightly")
                .suite(SUITE, s -> s.passed("Create order").passed("Cancel order"))
                .runningPolls(1);
    }

    private TestPlanScenario planWithAFailingFlow() {
        return loadmill.addTestPlan("Nightly")
                .suite(
                        SUITE,
                        s -> s.passed("Create order")
                                .failedAssertion("Cancel order", "__status", "equals", "200", "409"))
                .runningPolls(1);
    }

    private WorkflowJob pipeline(String script) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return p;
    }

    /** Every result stored in any TestRail run. */
    private List<SimResult> allResults() {
        return testRail.runs().stream()
                .flatMap(run -> testRail.results(run.id()).stream())
                .collect(Collectors.toList());
    }

    private static void assertNoSecretsIn(Run<?, ?> run) throws Exception {
        String log = JenkinsRule.getLog(run);
        assertFalse(log.contains(TestCredentials.TESTRAIL_KEY), "TestRail API key in the build log");
        assertFalse(log.contains(TestCredentials.LOADMILL_TOKEN), "Loadmill token in the build log");
    }

    @Test
    void pipelinePublishesPassedFlowsAndReturnsTheSummary() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob p = pipeline("node {\n"
                + "  def r = loadmillTestRail(testPlanId: '" + plan.id() + "', project: '" + PROJECT + "')\n"
                + "  echo \"passed=${r.passed} failed=${r.failed} total=${r.total} posted=${r.postedResults}\"\n"
                + "  echo \"runs=${r.testRailRunIds.size()} unmatched=${r.unmatchedFlows.size()}\"\n"
                + "  echo \"loadmill=${r.loadmillRunUrl}\"\n"
                + "}");
        WorkflowRun b = j.buildAndAssertSuccess(p);

        j.assertLogContains("passed=2 failed=0 total=2 posted=2", b);
        j.assertLogContains("runs=1 unmatched=0", b);
        j.assertLogContains("loadmill=http", b);
        assertNoSecretsIn(b);

        LoadmillTestRailAction action = b.getAction(LoadmillTestRailAction.class);
        assertNotNull(action);
        assertEquals(2, action.getPassed());
        assertEquals(2, action.getTotal());
        assertEquals(2, action.getPostedResults());
        assertEquals(1, action.getTestRailRuns().size());
        assertTrue(action.getTestRailRuns().get(0).getUrl().startsWith(testRail.url()));
        assertEquals(2, action.getFlows().size());
        assertTrue(action.getFlows().stream().allMatch(LoadmillTestRailAction.FlowRow::isPosted));

        assertEquals(2, allResults().size());

        FilePath workspace = j.jenkins.getWorkspaceFor(p);
        assertNotNull(workspace);
        assertTrue(workspace.child(JobFields.DEFAULT_RESULTS_FILE).exists());
        assertTrue(workspace.child(JobFields.DEFAULT_JUNIT_FILE).exists());
        assertTrue(workspace.child(JobFields.DEFAULT_JUNIT_FILE).readToString().contains("Create order"));

        // the build page and the per-flow page render
        JenkinsRule.WebClient wc = j.createWebClient();
        wc.getPage(b);
        wc.getPage(b, LoadmillTestRailAction.URL_NAME + "/");
    }

    @Test
    void workspaceFilesAreWrittenOnTheAgentThatRunsTheNode() throws Exception {
        DumbSlave agent = j.createOnlineSlave(Label.get("remote"));
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob p = pipeline("node('remote') {\n"
                + "  def r = loadmillTestRail(testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', resultsFile: 'out/results.json')\n"
                + "  echo \"file=${r.resultsFile}\"\n"
                + "}");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("file=out/results.json", b);
        FilePath workspace = agent.getWorkspaceFor(p);
        assertNotNull(workspace);
        assertTrue(workspace.child("out/results.json").exists(), "results file on the agent");
        assertTrue(workspace.child(JobFields.DEFAULT_JUNIT_FILE).exists(), "JUnit XML on the agent");
    }

    @Test
    void failedFlowsMakeTheBuildUnstableAndArePublished() throws Exception {
        TestPlanScenario plan = planWithAFailingFlow();
        WorkflowJob p = pipeline("node {\n"
                + "  def r = loadmillTestRail(testPlanId: '" + plan.id() + "', project: '" + PROJECT + "')\n"
                + "  echo \"failed=${r.failed}\"\n"
                + "}");
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        j.assertLogContains("failed=1", b);
        assertEquals(2, allResults().size());
        assertEquals(1, b.getAction(LoadmillTestRailAction.class).getFailed());
        assertNoSecretsIn(b);
    }

    @Test
    void failedFlowsCanFailTheBuildOrLeaveItAlone() throws Exception {
        TestPlanScenario plan = loadmill.addTestPlan("Nightly")
                .suite(SUITE, s -> s.failedRequest("Create order", "HTTP status 500 - Internal Server Error"));
        WorkflowJob failing = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', failedFlowsResult: 'FAILURE'\necho 'after the step'");
        WorkflowRun failed = j.assertBuildStatus(Result.FAILURE, failing.scheduleBuild2(0));
        j.assertLogContains("1 of 1 Loadmill flows did not pass (failedFlowsResult: 'FAILURE')", failed);
        j.assertLogNotContains("after the step", failed); // the step itself failed
        j.assertLogNotContains("\tat io.jenkins.plugins", failed);
        assertNotNull(failed.getAction(LoadmillTestRailAction.class), "results shown although the step failed");

        WorkflowJob caught = pipeline("try {\n  loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', failedFlowsResult: 'FAILURE'\n} catch (e) {\n  echo \"caught: ${e.message}\"\n}");
        WorkflowRun b = j.buildAndAssertSuccess(caught);
        j.assertLogContains("caught: 1 of 1 Loadmill flows did not pass", b);

        WorkflowJob unchanged = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', failedFlowsResult: 'UNCHANGED'");
        j.buildAndAssertSuccess(unchanged);
    }

    /** Run description and refs, an assignee and attachments for what failed: all from the step's fields. */
    @Test
    void failedFlowsCarryEvidenceAndAnAssignee() throws Exception {
        TestPlanScenario plan = planWithAFailingFlow();
        WorkflowJob p = pipeline("node {\n  loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', runDescription: 'Nightly from ${JOB_NAME}', runRefs: 'SHOP-12', assignFailed: '"
                + TestCredentials.TESTRAIL_USER + "', attachFailures: true\n}");
        WorkflowRun b = j.assertBuildStatus(Result.UNSTABLE, p.scheduleBuild2(0));
        assertEquals(1, testRail.runs().size());
        long runId = testRail.runs().get(0).id();
        assertEquals("SHOP-12", testRail.runRefs(runId));
        assertEquals("Nightly from " + p.getFullName(), testRail.runs().get(0).description());
        List<SimResult> results = allResults();
        assertEquals(2, results.size());
        for (SimResult result : results) {
            boolean failed = result.statusId() != 1;
            assertEquals(failed ? 1 : 0, testRail.attachments(result.id()).size(), "attachment of " + result);
            assertEquals(failed, testRail.resultAssignee(result.id()) > 0, "assignee of " + result);
        }
        assertNoSecretsIn(b);
    }

    /** A required result field and a plan configuration, from the step's fields. */
    @Test
    void resultFieldsAndConfigurationsReachTestRail() throws Exception {
        long projectId = testRail.projects().stream()
                .filter(pr -> pr.name().equals(PROJECT))
                .findFirst()
                .orElseThrow()
                .id();
        testRail.addConfigGroup(projectId, "Environment", "Staging", "Production");
        testRail.addResultField(
                "environment",
                "Environment",
                6,
                SimFieldConfig.globalConfig(true, "").withItems("1, Staging", "2, Production"));
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob missing = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'");
        WorkflowRun refused = j.assertBuildStatus(Result.FAILURE, missing.scheduleBuild2(0));
        j.assertLogContains("custom_environment", refused); // the required field, before Loadmill runs
        assertEquals(0, loadmill.launches().size());

        WorkflowJob p = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', resultFields: 'environment=Production', configurations: 'Environment/Staging'");
        j.buildAndAssertSuccess(p);
        assertEquals(1, testRail.plans().size(), "configurations publish into a plan");
        List<SimResult> results = allResults();
        assertEquals(2, results.size());
        for (SimResult result : results) {
            assertEquals(2, ((Number) result.fields().get("custom_environment")).intValue(), result.toString());
        }
    }

    /** The case cache in the controller's directory: the next build reads only what changed, and no secret is kept. */
    @Test
    void theNextBuildReadsOnlyTheCasesThatChanged() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob p = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'");
        WorkflowRun first = j.buildAndAssertSuccess(p);
        j.assertLogContains("Read 2 case(s) of suite S", first);
        WorkflowRun second = j.buildAndAssertSuccess(p);
        j.assertLogContains("new or changed case(s) of suite S", second);
        java.nio.file.Path cache = j.jenkins.getRootDir().toPath().resolve("loadmill-testrail/case-cache.json");
        String text = java.nio.file.Files.readString(cache);
        assertTrue(text.contains("Create order"), text);
        assertFalse(text.contains(TestCredentials.TESTRAIL_KEY) || text.contains(TestCredentials.TESTRAIL_USER), text);
        assertEquals(2, testRail.runs().size());
        assertEquals(4, allResults().size());
    }

    @Test
    void refusedTestRailCredentialsFailTheBuildBeforeLoadmillRuns() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        testRail.setApiEnabled(false);
        WorkflowJob p =
                pipeline("node { loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "' }");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Site Settings", b); // the engine's message: enable the API
        j.assertLogNotContains("\tat io.jenkins.plugins", b); // a user error, not a stack trace
        assertNoSecretsIn(b);
        assertTrue(loadmill.launches().isEmpty(), "a refused TestRail must not cost a Loadmill run");
    }

    @Test
    void testRailFailingAfterTheRunKeepsTheResultsAndShowsThem() throws Exception {
        WorkflowRun b = buildCutByTestRailAt("add_run", true);
        WorkflowJob p = b.getParent();
        j.assertLogContains("Publish to TestRail again", b); // how to finish without re-running
        j.assertLogContains("TestRail: add_run failed (", b); // each retry is in the log
        j.assertLogContains("Re-running the build instead starts a new Loadmill run", b);
        j.assertLogContains(
                "Saved the results to loadmill-testrail/" + onlyCallDirectory(b).getFileName()
                        + "/results.json in the build's directory",
                b);
        j.assertLogNotContains(b.getRootDir().getAbsolutePath(), b); // no controller path in the log
        j.assertLogContains("Results file: " + JobFields.DEFAULT_RESULTS_FILE + " in the workspace", b);
        j.assertLogNotContains(
                j.jenkins
                        .getWorkspaceFor(p)
                        .child(JobFields.DEFAULT_RESULTS_FILE)
                        .getRemote(),
                b);
        j.assertLogNotContains("\tat io.jenkins.plugins", b);
        assertNoSecretsIn(b);
        // collected results were saved, into the workspace too, before publishing
        assertTrue(j.jenkins
                .getWorkspaceFor(p)
                .child(JobFields.DEFAULT_RESULTS_FILE)
                .exists());
        assertTrue(onlyCallDirectory(b).resolve("results.json").toFile().isFile());
        LoadmillTestRailAction action = b.getAction(LoadmillTestRailAction.class);
        assertNotNull(action, "the Loadmill results are shown even when TestRail failed");
        assertEquals(2, action.getPassed());
        assertFalse(action.getPublishError().isEmpty());
        assertEquals(1, loadmill.launches().size());
    }

    /**
     * TestRail fails in the middle of a publish (the run exists, the results batch gets 503); the
     * build page's button publishes the kept results when TestRail is back: no new Loadmill run, one
     * TestRail run, one result per case.
     */
    @Test
    void publishAgainResumesACutPublishWithoutDuplicates() throws Exception {
        WorkflowRun b = buildCutByTestRailAt("add_results_for_cases", true);
        assertEquals(1, testRail.runs().size(), "the run was created before the cut");
        assertTrue(allResults().isEmpty());
        LoadmillTestRailAction failed = b.getAction(LoadmillTestRailAction.class);
        assertFalse(failed.getPublishError().isEmpty());
        assertTrue(failed.isPublishAgainAvailable());

        testRail.faults().clearFaults(); // TestRail is back
        JenkinsRule.WebClient wc = j.createWebClient();
        HtmlPage page = wc.getPage(b, failed.getUrlName() + "/");
        j.submit(page.getFormByName("publishAgain"));

        LoadmillTestRailAction published = awaitPublishAgain(b);
        assertEquals("", published.getPublishError());
        assertEquals(2, published.getPostedResults());
        assertFalse(published.getTestRailRuns().isEmpty());
        assertEquals(1, testRail.runs().size(), "no second TestRail run");
        List<SimResult> results = allResults();
        assertEquals(2, results.size(), "one result per case");
        assertEquals(2, results.stream().map(SimResult::caseId).distinct().count());
        assertEquals(1, loadmill.launches().size(), "no new Loadmill run");
        assertEquals(1, b.getActions(LoadmillTestRailAction.class).size(), "the page is replaced, not added");
        assertTrue(published.getPublishAgainLog().contains("Published 2 results"), published.getPublishAgainLog());
        assertFalse(published.getPublishAgainLog().contains(b.getRootDir().getAbsolutePath()));

        // The outcome is kept with the build.
        b.reload();
        LoadmillTestRailAction reloaded = b.getAction(LoadmillTestRailAction.class);
        assertEquals(2, reloaded.getPostedResults());
        assertFalse(reloaded.isPublishAgainAvailable(), "nothing left to publish");
    }

    /** Teams whose CI must not depend on TestRail: a TestRail error marks the build, or only warns. */
    @Test
    void aTestRailErrorCanLeaveTheBuildUnstableOrUnchanged() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        testRail.faults().always("add_results_for_cases", Fault.status(503, "{\"error\":\"maintenance\"}"));
        String returns = "\n  echo \"publishError=${r.publishError ? 'set' : 'none'} passed=${r.passed}"
                + " runs=${r.testRailRunIds.size()}\"\n  echo 'after the step'\n}";
        WorkflowJob unstable = pipeline("node {\n  def r = loadmillTestRail testPlanId: '" + plan.id() + "', project: '"
                + PROJECT + "', publishErrorResult: 'UNSTABLE'" + returns);
        WorkflowRun b1 = j.assertBuildStatus(Result.UNSTABLE, unstable.scheduleBuild2(0));
        j.assertLogContains("WARNING: ", b1);
        j.assertLogContains("publishError=set passed=2 runs=0", b1);
        j.assertLogContains("after the step", b1);
        assertTrue(b1.getAction(LoadmillTestRailAction.class).isPublishAgainAvailable());

        WorkflowJob unchanged = pipeline("node {\n  def r = loadmillTestRail testPlanId: '" + plan.id()
                + "', project: '" + PROJECT + "', publishErrorResult: 'UNCHANGED'" + returns);
        WorkflowRun b2 = j.buildAndAssertSuccess(unchanged);
        j.assertLogContains("publishError=set passed=2 runs=0", b2);
        assertNoSecretsIn(b2);
    }

    @Test
    void publishAgainNeedsBuildPermissionAndPost() throws Exception {
        WorkflowRun b = buildCutByTestRailAt("add_results_for_cases", false);
        testRail.faults().clearFaults();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader")
                .grant(Jenkins.READ, Item.READ, Item.BUILD)
                .everywhere()
                .to("builder"));
        String url = b.getUrl() + b.getAction(LoadmillTestRailAction.class).getUrlName() + "/publishAgain";

        JenkinsRule.WebClient reader =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("reader");
        assertEquals(403, post(reader, url).getStatusCode());
        HtmlPage readersPage =
                reader.getPage(b, b.getAction(LoadmillTestRailAction.class).getUrlName() + "/");
        assertTrue(readersPage.getForms().stream().noneMatch(f -> "publishAgain".equals(f.getNameAttribute())));

        JenkinsRule.WebClient builder =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("builder");
        int get = builder.goTo(url, null).getWebResponse().getStatusCode();
        assertTrue(get == 404 || get == 405, "GET must not publish; got " + get);
        assertTrue(allResults().isEmpty());

        assertEquals(200, post(builder, url).getStatusCode()); // redirected to the page
        assertEquals(2, awaitPublishAgain(b).getPostedResults());
    }

    /** A Pipeline build of two passing flows whose publish fails: TestRail answers 503 to every {@code apiMethod}. */
    private WorkflowRun buildCutByTestRailAt(String apiMethod, boolean inNode) throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        testRail.faults().always(apiMethod, Fault.status(503, "{\"error\":\"maintenance\"}"));
        String step = "loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'";
        WorkflowJob p = pipeline(inNode ? "node { " + step + " }" : step);
        return j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
    }

    private static WebResponse post(JenkinsRule.WebClient wc, String relativeUrl) throws Exception {
        WebRequest request = new WebRequest(new URL(wc.getContextPath() + relativeUrl), HttpMethod.POST);
        wc.addCrumb(request);
        return wc.getPage(request).getWebResponse();
    }

    /** The page once the background publish has finished (bounded wait). */
    private static LoadmillTestRailAction awaitPublishAgain(Run<?, ?> b) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            LoadmillTestRailAction action = b.getAction(LoadmillTestRailAction.class);
            if (!action.isPublishing() && action.getPublishError().isEmpty()) {
                return action;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Publish to TestRail again did not finish: "
                + b.getAction(LoadmillTestRailAction.class).getPublishAgainLog());
    }

    @Test
    void loadmillErrorsFailTheBuild() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        TestCredentials.replaceLoadmillToken("lmToken-wrong-0000000000000");
        WorkflowJob p = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogNotContains("\tat io.jenkins.plugins", b);
        j.assertLogNotContains("lmToken-wrong-0000000000000", b);
        assertTrue(testRail.runs().isEmpty());
    }

    @Test
    void invalidSettingsFailBeforeAnyCall() throws Exception {
        WorkflowJob p = pipeline("loadmillTestRail project: '" + PROJECT + "'");
        WorkflowRun b = j.assertBuildStatus(Result.FAILURE, p.scheduleBuild2(0));
        j.assertLogContains("Nothing to run", b);
        assertEquals(0, loadmill.launches().size());
    }

    @Test
    void missingOrWrongCredentialsNameTheIdAndKind() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob missing = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', testRailCredentialsId: 'nope'");
        WorkflowRun b1 = j.assertBuildStatus(Result.FAILURE, missing.scheduleBuild2(0));
        j.assertLogContains("'nope'", b1);

        WorkflowJob wrongKind = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', loadmillCredentialsId: '" + TestCredentials.TESTRAIL_ID + "'");
        WorkflowRun b2 = j.assertBuildStatus(Result.FAILURE, wrongKind.scheduleBuild2(0));
        j.assertLogContains("Secret text", b2);
        assertEquals(0, loadmill.launches().size());
    }

    @Test
    void outsideNodeTheStepNeedsNoWorkspace() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        WorkflowJob p = pipeline("def r = loadmillTestRail(testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "')\necho \"total=${r.total} file=${r.resultsFile}.\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("total=2 file=.", b);
    }

    @Test
    void pinnedCasesAndAutoCreate() throws Exception {
        long pinned = section.addCase("Legacy title for refunds").id();
        TestPlanScenario plan = loadmill.addTestPlan("Nightly")
                .suite(
                        SUITE,
                        s -> s.passed("Create order").passed("Refund order").passed("Brand new flow"));
        WorkflowJob p = pipeline("def r = loadmillTestRail(testPlanId: '" + plan.id() + "', project: '" + PROJECT
                + "', autoCreate: true, caseMap: [flowCase(flow: 'Refund order', caseId: 'C" + pinned + "')])\n"
                + "echo \"created=${r.createdCases} unmatched=${r.unmatchedFlows}\"");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        j.assertLogContains("created=1 unmatched=[]", b);
        assertTrue(allResults().stream().anyMatch(r -> r.caseId() == pinned));
    }

    @Test
    void loadmillAndTestRailTextIsEscapedOnTheBuildPages() throws Exception {
        String evil = "<img src=x onerror=alert(1)>";
        TestPlanScenario plan = loadmill.addTestPlan("Nightly")
                .suite(SUITE, s -> s.passed("Create order").passed(evil));
        WorkflowJob p = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'");
        WorkflowRun b = j.buildAndAssertSuccess(p);
        JenkinsRule.WebClient wc = j.createWebClient();
        for (String page : List.of(
                wc.getPage(b).getWebResponse().getContentAsString(),
                wc.getPage(b, LoadmillTestRailAction.URL_NAME + "/")
                        .getWebResponse()
                        .getContentAsString())) {
            assertFalse(page.contains(evil), "unescaped Loadmill text on a build page");
        }
        assertTrue(wc.getPage(b, LoadmillTestRailAction.URL_NAME + "/")
                .getWebResponse()
                .getContentAsString()
                .contains("&lt;img"));
    }

    /** The one per-call directory under {@code <build>/loadmill-testrail/}. */
    private static java.nio.file.Path onlyCallDirectory(Run<?, ?> b) throws Exception {
        java.io.File[] dirs = new java.io.File(b.getRootDir(), JobRunner.BUILD_DIR_NAME).listFiles();
        assertNotNull(dirs);
        assertEquals(1, dirs.length);
        return dirs[0].toPath();
    }

    @Test
    void severalCallsInOneBuildKeepTheirOwnFilesAndPages() throws Exception {
        TestPlanScenario first = planWithTwoPassingFlows();
        TestPlanScenario second = loadmill.addTestPlan("Smoke")
                .suite(SUITE, s -> s.passed("Create order"))
                .runningPolls(1);
        WorkflowJob p = pipeline("node {\n"
                + "  loadmillTestRail(testPlanId: '" + first.id() + "', project: '" + PROJECT
                + "', resultsFile: 'first.json', junitFile: 'first.xml')\n"
                + "  loadmillTestRail(testPlanId: '" + second.id() + "', project: '" + PROJECT
                + "', resultsFile: 'second.json', junitFile: 'second.xml')\n"
                + "}");
        WorkflowRun b = j.buildAndAssertSuccess(p);

        List<LoadmillTestRailAction> actions = b.getActions(LoadmillTestRailAction.class);
        assertEquals(2, actions.size(), "one build page entry per call");
        assertEquals(2, actions.get(0).getPassed());
        assertEquals(1, actions.get(1).getPassed());
        assertEquals(
                List.of(LoadmillTestRailAction.URL_NAME, LoadmillTestRailAction.URL_NAME + "-2"),
                actions.stream().map(LoadmillTestRailAction::getUrlName).toList());
        assertEquals(3, allResults().size());

        java.io.File[] dirs = new java.io.File(b.getRootDir(), JobRunner.BUILD_DIR_NAME).listFiles();
        assertNotNull(dirs);
        assertEquals(2, dirs.length, "one results directory per call");
        for (java.io.File dir : dirs) {
            assertTrue(dir.getName().startsWith("node-"), dir.getName());
            assertTrue(new java.io.File(dir, "results.json").isFile());
        }

        JenkinsRule.WebClient wc = j.createWebClient();
        String buildPage = wc.getPage(b).getWebResponse().getContentAsString();
        assertTrue(buildPage.contains("Loadmill → TestRail (2)"), "both calls summarised on the build page");
        wc.getPage(b, LoadmillTestRailAction.URL_NAME + "/");
        wc.getPage(b, LoadmillTestRailAction.URL_NAME + "-2/");
    }

    @Test
    void freestyleRecorderPublishesAndWritesWorkspaceFiles() throws Exception {
        TestPlanScenario plan = planWithTwoPassingFlows();
        FreeStyleProject p = j.createFreeStyleProject();
        LoadmillTestRailRecorder recorder = new LoadmillTestRailRecorder();
        recorder.setTestPlanId(plan.id());
        recorder.setProject(PROJECT);
        recorder.setResultsFile("reports/loadmill.json");
        p.getPublishersList().add(recorder);

        FreeStyleBuild b = j.buildAndAssertSuccess(p);
        assertNoSecretsIn(b);
        assertEquals(2, b.getAction(LoadmillTestRailAction.class).getPassed());
        FilePath workspace = b.getWorkspace();
        assertNotNull(workspace);
        assertTrue(workspace.child("reports/loadmill.json").exists());
        assertTrue(workspace.child(JobFields.DEFAULT_JUNIT_FILE).exists());
        assertEquals(2, allResults().size());
        assertEquals("call-1", onlyCallDirectory(b).getFileName().toString());
    }

    @Test
    void abortStopsTheLoadmillRun() throws Exception {
        TestPlanScenario plan = loadmill.addTestPlan("Nightly")
                .suite(SUITE, s -> s.passed("Create order"))
                .neverFinishes();
        WorkflowJob p = pipeline("loadmillTestRail testPlanId: '" + plan.id() + "', project: '" + PROJECT + "'");
        WorkflowRun b = p.scheduleBuild2(0).waitForStart();
        long deadline = System.currentTimeMillis() + 60_000;
        while (loadmill.calls(LoadmillSimulator.PLAN_RUN_ENDPOINT) < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Executor executor = b.getExecutor();
        assertNotNull(executor);
        executor.interrupt();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        while (loadmill.stops().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(loadmill.stops().isEmpty(), "the Loadmill run was stopped");
        assertTrue(testRail.runs().isEmpty());
    }
}
