package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TestRail's rules as the simulator applies them (§14.3 of the reference). */
class TestRailSimulatorRulesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRailSimulator sim;
    private SimUser user;
    private TwoCaseProject seed;

    @BeforeEach
    void seed() {
        sim = TestRailSimulator.start();
        user = sim.addUser("ci@example.com", "key");
        seed = TwoCaseProject.seed(sim, "Orders");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.url() + "index.php?/api/v2/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ci@example.com:key".getBytes(StandardCharsets.UTF_8)));
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("GET", path, "");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send("POST", path, body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** TestRail's error text of a refused POST, after checking the status. */
    private String refused(int status, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(body == null ? "GET" : "POST", path, body == null ? "" : body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        return JSON.readTree(answer.body()).path("error").asText();
    }

    private long run(String body) throws IOException, InterruptedException {
        return post("add_run/" + seed.project().id(), body).path("id").asLong();
    }

    private long runOf(SimCase... cases) throws IOException, InterruptedException {
        StringBuilder ids = new StringBuilder();
        for (SimCase c : cases) {
            ids.append(ids.isEmpty() ? "" : ",").append(c.id());
        }
        return run("{\"suite_id\":" + seed.suite().id() + ",\"name\":\"R\",\"include_all\":false,\"case_ids\":[" + ids + "]}");
    }

    @Test
    void theApiCanBeDisabledAndProjectsHidden() throws Exception {
        sim.setApiEnabled(false);
        assertThat(refused(403, "get_projects", null)).isEqualTo(TestRailSimulator.API_DISABLED);
        sim.setApiEnabled(true);
        sim.denyAccess(user, seed.project().id());
        assertThat(refused(403, "get_project/" + seed.project().id(), null)).isEqualTo("No access to the project");
        assertThat(get("get_projects").path("projects")).isEmpty();
    }

    @Test
    void escapesSlashesLikePhp() throws Exception {
        String body = send("GET", "get_project/" + seed.project().id(), "").body();
        assertThat(body).contains("index.php?\\/projects\\/overview\\/" + seed.project().id());
        assertThat(refused(400, "add_run/" + seed.project().id(), "{\"name\":\"R\"}")).isEqualTo("Field :suite_id is a required field.");
    }

    @Test
    void capsTheLimitAndCanWriteLimitZeroOrBareArrays() throws Exception {
        seed.section().addCases("More", 300);
        JsonNode page = get("get_cases/" + seed.project().id() + "&suite_id=" + seed.suite().id() + "&limit=1000");
        assertThat(page.path("limit").asInt()).isEqualTo(250);
        assertThat(page.path("cases")).hasSize(250);
        sim.setZeroLimitLinks(true);
        assertThat(get("get_cases/" + seed.project().id() + "&suite_id=" + seed.suite().id()).path("_links").path("next").asText())
                .endsWith("&limit=0&offset=250");
        sim.setBareSuites(true);
        assertThat(get("get_suites/" + seed.project().id()).isArray()).isTrue();
        assertThat(get("get_sections/" + seed.project().id() + "&suite_id=" + seed.suite().id()).isObject()).isTrue();
        sim.setBareArrays(true);
        assertThat(get("get_cases/" + seed.project().id() + "&suite_id=" + seed.suite().id())).hasSize(302);
    }

    @Test
    void suiteModesDecideWhetherSuiteIdIsNeeded() throws Exception {
        assertThat(refused(400, "get_cases/" + seed.project().id(), null)).isEqualTo("Field :suite_id is a required field.");
        ProjectSeed single = sim.addProject("Single", TestRailSimulator.SINGLE_SUITE);
        single.masterSuite().addSection("S").addCase("Only");
        assertThat(get("get_cases/" + single.id() + "&suite_id=" + seed.suite().id()).path("cases")).hasSize(1);
        assertThat(refused(400, "add_suite/" + single.id(), "{\"name\":\"X\"}")).contains("does not support multiple");
        ProjectSeed baselines = sim.addProject("Baselines", TestRailSimulator.SINGLE_SUITE_BASELINES);
        assertThat(get("get_sections/" + baselines.id()).path("sections")).isEmpty();
        assertThat(post("add_suite/" + seed.project().id(), "{\"name\":\"New\"}").path("project_id").asLong())
                .isEqualTo(seed.project().id());
    }

    @Test
    void runsIncludeAllCasesUnlessToldOtherwise() throws Exception {
        long all = run("{\"suite_id\":" + seed.suite().id() + ",\"name\":\"All\"}");
        assertThat(sim.tests(all)).extracting(SimTest::caseId).containsExactly(seed.first().id(), seed.second().id());
        long some = runOf(seed.second());
        assertThat(sim.tests(some)).extracting(SimTest::caseId).containsExactly(seed.second().id());
        post("update_run/" + some, "{\"include_all\":false,\"case_ids\":[" + seed.first().id() + "]}");
        assertThat(sim.tests(some)).extracting(SimTest::caseId).containsExactly(seed.first().id());
        assertThat(refused(400, "add_run/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id()
                + ",\"name\":\"R\",\"include_all\":false,\"case_ids\":[424242]}")).contains("C424242");
    }

    @Test
    void closedRunsAndPlansAreFinal() throws Exception {
        long runId = runOf(seed.first());
        post("close_run/" + runId, "");
        assertThat(refused(400, "add_results_for_cases/" + runId, "{\"results\":[{\"case_id\":" + seed.first().id()
                + ",\"status_id\":1}]}")).contains("completed");
        assertThat(refused(400, "close_run/" + runId, "")).contains("completed");

        JsonNode plan = post("add_plan/" + seed.project().id(), "{\"name\":\"P\",\"entries\":[{\"suite_id\":" + seed.suite().id()
                + ",\"include_all\":false,\"case_ids\":[" + seed.first().id() + "]}]}");
        long planRun = plan.path("entries").get(0).path("runs").get(0).path("id").asLong();
        assertThat(plan.path("entries").get(0).path("runs").get(0).path("plan_id").asLong()).isEqualTo(plan.path("id").asLong());
        assertThat(refused(400, "update_run/" + planRun, "{\"case_ids\":[]}"))
                .isEqualTo("This operation is not allowed. The test run belongs to a test plan and cannot be edited "
                        + "independently.");
        post("close_plan/" + plan.path("id").asLong(), "");
        assertThat(sim.run(planRun).orElseThrow().completed()).isTrue();
        assertThat(refused(400, "add_plan_entry/" + plan.path("id").asLong(), "{\"suite_id\":" + seed.suite().id() + "}"))
                .contains("completed");
    }

    @Test
    void planEntriesHoldOneRunPerConfiguration() throws Exception {
        SimConfigGroup env = sim.addConfigGroup(seed.project().id(), "Environment", "Staging", "Production");
        long staging = env.configs().get(0).id();
        long production = env.configs().get(1).id();
        JsonNode groups = get("get_configs/" + seed.project().id());
        assertThat(groups.get(0).path("name").asText()).isEqualTo("Environment");
        assertThat(groups.get(0).path("configs").get(1).path("name").asText()).isEqualTo("Production");

        long planId = post("add_plan/" + seed.project().id(), "{\"name\":\"Nightly\"}").path("id").asLong();
        String cases = "\"include_all\":false,\"case_ids\":[" + seed.first().id() + "]";
        assertThat(refused(400, "add_plan_entry/" + planId, "{\"suite_id\":" + seed.suite().id() + ",\"config_ids\":["
                + staging + "]," + cases + "}")).isEqualTo(TestRailEndpoints.CONFIGS_WITHOUT_RUNS);
        assertThat(refused(400, "add_plan_entry/" + planId, "{\"suite_id\":" + seed.suite().id() + ",\"config_ids\":[999],"
                + "\"runs\":[{\"config_ids\":[999]," + cases + "}]}")).contains("invalid configurations");
        assertThat(refused(400, "add_plan_entry/" + planId, "{\"suite_id\":" + seed.suite().id() + ",\"config_ids\":["
                + staging + "],\"runs\":[{\"config_ids\":[" + production + "]," + cases + "}]}"))
                .contains("not part of the entry");

        JsonNode entry = post("add_plan_entry/" + planId, "{\"suite_id\":" + seed.suite().id() + ",\"config_ids\":["
                + staging + "," + production + "]," + cases + ",\"runs\":[{\"config_ids\":[" + staging + "]},"
                + "{\"config_ids\":[" + production + "],\"include_all\":false,\"case_ids\":[" + seed.second().id()
                + "]}]}");
        assertThat(entry.path("config_ids").toString()).isEqualTo("[" + staging + "," + production + "]");
        JsonNode runs = entry.path("runs");
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0).path("config").asText()).isEqualTo("Staging");
        assertThat(runs.get(1).path("config_ids").toString()).isEqualTo("[" + production + "]");
        long stagingRun = runs.get(0).path("id").asLong();
        long productionRun = runs.get(1).path("id").asLong();
        assertThat(sim.tests(stagingRun)).extracting(SimTest::caseId).containsExactly(seed.first().id());
        assertThat(sim.tests(productionRun)).extracting(SimTest::caseId).containsExactly(seed.second().id());

        // One run of the entry changes alone; a run outside plans is refused.
        post("update_run_in_plan_entry/" + productionRun, "{\"include_all\":false,\"case_ids\":[" + seed.first().id()
                + "," + seed.second().id() + "]}");
        assertThat(sim.tests(productionRun)).hasSize(2);
        assertThat(sim.tests(stagingRun)).hasSize(1);
        assertThat(refused(400, "update_run_in_plan_entry/" + runOf(seed.first()), "{}"))
                .isEqualTo(TestRailEndpoints.NOT_A_PLAN_RUN);

        post("delete_plan_entry/" + planId + "/" + entry.path("id").asText(), "");
        assertThat(sim.plan(planId).orElseThrow().entries()).isEmpty();
        assertThat(sim.run(stagingRun)).isEmpty();
    }

    /**
     * delete_case, delete_section and delete_suite: POST only, an empty 200, cannot be undone; what
     * they delete takes its tests and results in active runs along, closed runs keep theirs.
     */
    @Test
    void deletesTakeWhatTheyHoldAndTheActiveTestsOfItsCases() throws Exception {
        assertThat(refused(400, "delete_case/" + seed.first().id(), null)).isEqualTo("This method requires a POST request.");
        long active = runOf(seed.first(), seed.second());
        long closed = runOf(seed.first());
        post("add_results_for_cases/" + active, "{\"results\":[{\"case_id\":" + seed.first().id() + ",\"status_id\":1}]}");
        post("close_run/" + closed, "");

        assertThat(send("POST", "delete_case/" + seed.first().id(), "").body()).isEmpty();
        assertThat(refused(400, "get_case/" + seed.first().id(), null)).isEqualTo("Field :case_id is not a valid test case.");
        assertThat(refused(400, "delete_case/" + seed.first().id(), "")).isEqualTo("Field :case_id is not a valid test case.");
        assertThat(sim.tests(active)).extracting(SimTest::caseId).containsExactly(seed.second().id());
        assertThat(sim.results(active)).isEmpty();
        assertThat(sim.tests(closed)).extracting(SimTest::caseId).containsExactly(seed.first().id());

        SectionSeed sub = seed.section().addSection("Nested");
        sub.addCase("Deep");
        SectionSeed other = seed.suite().addSection("Other");
        other.addCase("Kept");
        post("delete_section/" + seed.section().id(), "");
        assertThat(sim.sections(seed.suite().id())).extracting(SimSection::name).containsExactly("Other");
        assertThat(sim.cases(seed.suite().id())).extracting(SimCase::title).containsExactly("Kept");
        assertThat(sim.tests(active)).isEmpty();

        long planId = post("add_plan/" + seed.project().id(), "{\"name\":\"P\",\"entries\":[{\"suite_id\":"
                + seed.suite().id() + "}]}").path("id").asLong();
        sim.faults().next("delete_suite", 1, Fault.status(403, "{\"error\":\"You are not allowed to delete test suites.\"}"));
        assertThat(refused(403, "delete_suite/" + seed.suite().id(), "")).contains("not allowed");
        assertThat(sim.suites(seed.project().id())).hasSize(1);
        post("delete_suite/" + seed.suite().id(), "");
        assertThat(sim.suites(seed.project().id())).isEmpty();
        assertThat(sim.cases(seed.suite().id())).isEmpty();
        assertThat(sim.plan(planId).orElseThrow().entries()).as("its entry lost its only run").isEmpty();
        assertThat(sim.run(active)).isEmpty();
        assertThat(sim.run(closed)).isPresent();
        assertThat(sim.calls("delete_suite")).isEqualTo(2);
    }

    @Test
    void closingAClosedRunOrPlanIsRefusedOrAnsweredAsConfigured() throws Exception {
        long runId = runOf(seed.first());
        post("close_run/" + runId, "");
        assertThat(refused(400, "close_run/" + runId, "")).isEqualTo(TestRailEndpoints.RUN_CLOSED);
        long planId = post("add_plan/" + seed.project().id(), "{\"name\":\"P\"}").path("id").asLong();
        post("close_plan/" + planId, "");
        assertThat(refused(400, "close_plan/" + planId, "")).isEqualTo(TestRailEndpoints.PLAN_CLOSED);
        sim.setClosingClosedRefused(false);
        assertThat(post("close_run/" + runId, "").path("is_completed").asBoolean()).isTrue();
        assertThat(post("close_plan/" + planId, "").path("is_completed").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]|Field :results cannot be empty (one result is required)",
        "[{\"case_id\":CASE,\"status_id\":3}]|untested",
        "[{\"case_id\":CASE,\"status_id\":42}]|Field :results.status_id is not a valid status.",
        "[{\"case_id\":CASE,\"status_id\":1,\"elapsed\":\"0s\"}]|Field :results.elapsed is not in a valid time span format.",
        "[{\"case_id\":CASE,\"status_id\":1,\"elapsed\":\"soon\"}]|Field :results.elapsed is not in a valid time span format.",
        "[{\"case_id\":CASE,\"status_id\":1},{\"case_id\":777,\"status_id\":5}]|Field :results contains one or more "
                + "invalid results (case C777 unknown or not part of the test run)",
        "[{\"status_id\":1}]|Field :results.case_id is a required field."})
    void resultBatchesAreValidatedWhole(String results, String error) throws Exception {
        long runId = runOf(seed.first());
        assertThat(refused(400, "add_results_for_cases/" + runId,
                "{\"results\":" + results.replace("CASE", String.valueOf(seed.first().id())) + "}")).contains(error);
        assertThat(sim.results(runId)).isEmpty();
    }

    @Test
    void storedResultsComeBackInRequestOrder() throws Exception {
        sim.addResultField("env", "Environment", 1, SimFieldConfig.globalConfig(true, "staging"));
        long runId = runOf(seed.first(), seed.second());
        assertThat(refused(400, "add_results_for_cases/" + runId, "{\"results\":[{\"case_id\":" + seed.first().id()
                + ",\"status_id\":1}]}")).isEqualTo("Field :results.custom_env is a required field.");
        JsonNode stored = post("add_results_for_cases/" + runId, "{\"results\":[{\"case_id\":" + seed.second().id()
                + ",\"status_id\":5,\"elapsed\":\"1m 5s\",\"custom_env\":\"qa\"},{\"case_id\":" + seed.first().id()
                + ",\"status_id\":1,\"custom_env\":\"qa\"}]}");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).path("status_id").asInt()).isEqualTo(5);
        assertThat(stored.get(1).path("id").asLong()).isGreaterThan(stored.get(0).path("id").asLong());
        assertThat(sim.tests(runId)).extracting(SimTest::statusId).containsExactly(1, 5);
        assertThat(sim.results(runId).get(0).fields()).containsEntry("custom_env", "qa");
    }

    @Test
    void casesNeedATitleOfAtMost250CharactersAndRequiredFields() throws Exception {
        assertThat(refused(400, "add_case/" + seed.section().id(), "{}")).isEqualTo("Field :title is a required field.");
        assertThat(refused(400, "add_case/" + seed.section().id(), "{\"title\":\"" + "t".repeat(251) + "\"}"))
                .isEqualTo("Field :title is too long (250 characters at most).");
        JsonNode a = post("add_case/" + seed.section().id(), "{\"title\":\"Same\"}");
        JsonNode b = post("add_case/" + seed.section().id(), "{\"title\":\"Same\"}");
        assertThat(b.path("display_order").asInt()).isEqualTo(a.path("display_order").asInt() + 1);
        sim.addCaseField("automation_id", "Automation ID", 1,
                new SimFieldConfig(false, List.of(seed.project().id()), true, ""));
        assertThat(refused(400, "add_case/" + seed.section().id(), "{\"title\":\"New\"}"))
                .isEqualTo("Field :custom_automation_id is a required field.");
        assertThat(post("add_case/" + seed.section().id(), "{\"title\":\"New\",\"custom_automation_id\":\"x.y\"}")
                .path("custom_automation_id").asText()).isEqualTo("x.y");
    }

    @Test
    void describesFieldsStatusesMilestonesAndUsers() throws Exception {
        sim.addCaseField("automation_id", "Automation ID", 1, new SimFieldConfig(false, List.of(seed.project().id()), true, "n/a"));
        sim.addCustomStatus("Flaky");
        seed.project().addMilestone("R1");
        JsonNode field = get("get_case_fields").get(0);
        assertThat(field.path("system_name").asText()).isEqualTo("custom_automation_id");
        assertThat(field.path("configs").get(0).path("context").path("project_ids").get(0).asLong()).isEqualTo(seed.project().id());
        assertThat(field.path("configs").get(0).path("options").path("default_value").asText()).isEqualTo("n/a");
        assertThat(get("get_statuses").get(5).path("name").asText()).isEqualTo("custom_status1");
        assertThat(get("get_milestones/" + seed.project().id()).path("milestones").get(0).path("name").asText()).isEqualTo("R1");
        assertThat(get("get_user_by_email&email=ci%40example.com").path("id").asLong()).isEqualTo(user.id());
        assertThat(refused(400, "get_user_by_email&email=nobody", null)).isEqualTo("Field :email is not a valid email address.");
    }

    @Test
    void seedingHandlesReachEntitiesCreatedThroughTheApi() throws Exception {
        long sectionId = post("add_section/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id() + ",\"name\":\"API\"}")
                .path("id").asLong();
        SimCase seeded = sim.section(sectionId).addSection("Child").addCase("Seeded");
        assertThat(get("get_cases/" + seed.project().id() + "&suite_id=" + seed.suite().id()).path("cases")).hasSize(3);
        assertThat(sim.testCase(seeded.id())).hasValueSatisfying(c -> assertThat(c.title()).isEqualTo("Seeded"));
        sim.project(seed.project().id()).complete();
        assertThat(get("get_projects&is_completed=0").path("projects")).isEmpty();
        assertThat(get("get_projects&is_completed=1").path("projects")).hasSize(1);
    }

    @Test
    void faultsAfterCommitKeepTheEffect() throws Exception {
        sim.faultsAfterCommit().onCall("add_run", 1, Fault.status(500, "{\"error\":\"oops\"}"));
        assertThat(send("POST", "add_run/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id() + ",\"name\":\"R\"}")
                .statusCode()).isEqualTo(500);
        assertThat(sim.runs()).hasSize(1);
        sim.faults().onCall("add_run", 2, Fault.status(500, "{\"error\":\"oops\"}"));
        assertThat(send("POST", "add_run/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id() + ",\"name\":\"R\"}")
                .statusCode()).isEqualTo(500);
        assertThat(sim.runs()).hasSize(1);
        assertThat(sim.calls("add_run")).isEqualTo(2);
    }

    @Test
    void legacyPrefixBodyLimitAndHtml() throws Exception {
        sim.setAuthPrefix(true);
        assertThat(send("GET", "get_statuses", "").body()).startsWith(TestRailSimulator.AUTH_PREFIX + "[");
        sim.setAuthPrefix(false);
        sim.setMaxBodyBytes(10);
        assertThat(send("POST", "add_run/" + seed.project().id(), "{\"name\":\"a long enough body\"}").statusCode())
                .isEqualTo(413);
        sim.faults().onCall("get_projects", 1, Fault.html(200, "<html>login</html>"));
        HttpResponse<String> html = send("GET", "get_projects", "");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    void rateLimitsWithAndWithoutRetryAfter() throws Exception {
        sim.setRateLimit(2, Duration.ofSeconds(5), true);
        send("GET", "get_statuses", "");
        send("GET", "get_statuses", "");
        HttpResponse<String> limited = send("GET", "get_statuses", "");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(v ->
                assertThat(Integer.parseInt(v)).isBetween(1, 5));
        sim.setRateLimit(1, Duration.ofSeconds(5), false);
        send("GET", "get_statuses", "");
        HttpResponse<String> bare = send("GET", "get_statuses", "");
        assertThat(bare.statusCode()).isEqualTo(429);
        assertThat(bare.headers().firstValue("Retry-After")).isEmpty();
    }

    @Test
    void logsEveryRequestInOrderWithTimes() throws Exception {
        sim.setLatency(Duration.ofMillis(20));
        send("GET", "get_statuses", "");
        send("GET", "get_nothing", "");
        List<LoggedRequest> log = sim.requestLog();
        assertThat(log).extracting(LoggedRequest::apiMethod).containsExactly("get_statuses", "get_nothing");
        assertThat(log).extracting(LoggedRequest::status).containsExactly(200, 404);
        assertThat(log.get(1).receivedNanos()).isGreaterThan(log.get(0).answeredNanos());
        assertThat(sim.callCounts()).isEqualTo(Map.of("get_statuses", 1, "get_nothing", 1));
    }

    @ParameterizedTest
    @CsvSource({"30s, true", "1m 45s, true", "2h 5m, true", "0.5s, true", "0s, false", "0m 0s, false", "'', false",
            "5, false", "1x, false"})
    void timespans(String text, boolean valid) {
        assertThat(TestRailEndpoints.validTimespan(text)).isEqualTo(valid);
    }
}
