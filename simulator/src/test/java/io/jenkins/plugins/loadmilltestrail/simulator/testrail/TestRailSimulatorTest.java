package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's wire behaviour, seen with the JDK's HTTP client. */
class TestRailSimulatorTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRailSimulator sim;
    private ProjectSeed project;
    private SuiteSeed suite;

    @BeforeEach
    void seed() {
        sim = TestRailSimulator.start("/testrail/");
        sim.addUser("ci@example.com", "key");
        project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        suite = project.addSuite("Orders");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String user, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.url() + "index.php?/api/v2/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8)));
        request = method.equals("GET") ? request.GET()
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return call("GET", path, "", "ci@example.com", "key");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return call("POST", path, body, "ci@example.com", "key");
    }

    @Test
    void servesUnderItsPrefixAndCountsCalls() throws Exception {
        assertThat(sim.url()).endsWith("/testrail/");
        HttpResponse<String> answer = get("get_project/" + project.id());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("suite_mode").asInt()).isEqualTo(3);
        assertThat(sim.calls("get_project")).isEqualTo(1);
        assertThat(sim.requestLog()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(200));
    }

    @Test
    void unknownMethodIs404AndWrongKeyIs401() throws Exception {
        assertThat(get("get_everything").statusCode()).isEqualTo(404);
        HttpResponse<String> denied = call("GET", "get_projects", "", "ci@example.com", "wrong");
        assertThat(denied.statusCode()).isEqualTo(401);
        assertThat(denied.body()).contains("invalid or missing user\\/password");
    }

    @Test
    void paginatesWithTestRailsNextLinks() throws Exception {
        suite.addSection("S").addCases("Case", 260);
        JsonNode page = JSON.readTree(get("get_cases/" + project.id() + "&suite_id=" + suite.id()).body());
        assertThat(page.path("cases")).hasSize(250);
        assertThat(page.path("_links").path("next").asText())
                .isEqualTo("/api/v2/get_cases/" + project.id() + "&suite_id=" + suite.id() + "&limit=250&offset=250");
        JsonNode last = JSON.readTree(get("get_cases/" + project.id() + "&suite_id=" + suite.id()
                + "&limit=250&offset=250").body());
        assertThat(last.path("size").asInt()).isEqualTo(10);
        assertThat(last.path("_links").path("next").isNull()).isTrue();
    }

    @Test
    void resultBatchesAreAtomic() throws Exception {
        SimCase inRun = suite.addSection("S").addCase("A");
        JsonNode run = JSON.readTree(post("add_run/" + project.id(), "{\"suite_id\":" + suite.id()
                + ",\"name\":\"R\",\"include_all\":false,\"case_ids\":[" + inRun.id() + "]}").body());
        HttpResponse<String> refused = post("add_results_for_cases/" + run.path("id").asLong(),
                "{\"results\":[{\"case_id\":" + inRun.id() + ",\"status_id\":1},{\"case_id\":999,\"status_id\":1}]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("error").asText()).isEqualTo(
                "Field :results contains one or more invalid results (case C999 unknown or not part of the test run)");
        assertThat(sim.results(run.path("id").asLong())).isEmpty();
    }

    @Test
    void decodesEscapedPathSegmentsSuchAsOddEntryIds() throws Exception {
        SimCase aCase = suite.addSection("S").addCase("A");
        sim.setEntryIdsNeedingEscapes(true);
        JsonNode plan = JSON.readTree(post("add_plan/" + project.id(), "{\"name\":\"P\",\"entries\":[{\"suite_id\":"
                + suite.id() + ",\"include_all\":false,\"case_ids\":[]}]}").body());
        String entryId = plan.path("entries").path(0).path("id").asText();
        assertThat(entryId).startsWith(TestRailSimulator.ENTRY_ID_ESCAPES);
        HttpResponse<String> updated = post("update_plan_entry/" + plan.path("id").asLong() + "/"
                + URLEncoder.encode(entryId, StandardCharsets.UTF_8), "{\"include_all\":false,\"case_ids\":["
                + aCase.id() + "]}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(updated.body()).path("id").asText()).isEqualTo(entryId);
    }
}
