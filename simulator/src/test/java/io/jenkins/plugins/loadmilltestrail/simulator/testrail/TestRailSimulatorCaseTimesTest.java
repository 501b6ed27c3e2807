package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** created_on/updated_on on every case, and get_cases' created_after/updated_after filters. */
class TestRailSimulatorCaseTimesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRailSimulator sim;
    private TwoCaseProject seed;

    @BeforeEach
    void seed() {
        sim = TestRailSimulator.start();
        sim.addUser("ci@example.com", "key");
        seed = TwoCaseProject.seed(sim, "Orders");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(sim.url() + "index.php?/api/v2/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ci@example.com:key".getBytes(StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.path("cases").forEach(c -> titles.add(c.path("title").asText()));
        return titles;
    }

    private String cases() {
        return "get_cases/" + seed.project().id() + "&suite_id=" + seed.suite().id();
    }

    @Test
    void everyCaseCarriesCreatedAndUpdatedOn() throws Exception {
        JsonNode first = get(cases()).path("cases").get(0);
        assertThat(first.path("created_on").asLong()).isPositive();
        assertThat(first.path("updated_on").asLong()).isEqualTo(first.path("created_on").asLong());
        assertThat(get("get_case/" + seed.first().id()).path("updated_on").asLong()).isPositive();
    }

    @Test
    void updatedAfterListsEditedAndNewCasesOnlyAndCreatedAfterOnlyNewOnes() throws Exception {
        long seeded = get(cases()).path("cases").get(0).path("updated_on").asLong();
        sim.advanceClock(Duration.ofSeconds(10));
        sim.renameCase(seed.first().id(), "Create order (renamed)");
        seed.section().addCase("Refund order");
        SectionSeed other = seed.suite().addSection("Elsewhere");
        sim.moveCase(seed.second().id(), other.id());

        assertThat(titles(get(cases() + "&updated_after=" + seeded)))
                .containsExactlyInAnyOrder("Create order (renamed)", "Cancel order", "Refund order");
        assertThat(titles(get(cases() + "&created_after=" + seeded))).containsExactly("Refund order");
        assertThat(titles(get(cases() + "&updated_after=" + (seeded + 10)))).isEmpty();
        JsonNode moved = get("get_case/" + seed.second().id());
        assertThat(moved.path("section_id").asLong()).isEqualTo(other.id());
        assertThat(moved.path("updated_on").asLong()).isGreaterThan(moved.path("created_on").asLong());
    }

    @Test
    void aDeletedCaseIsNoLongerListedAndAddRunRefusesIt() throws Exception {
        sim.deleteCase(seed.first().id());
        assertThat(titles(get(cases()))).containsExactly("Cancel order");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(sim.url() + "index.php?/api/v2/add_run/"
                        + seed.project().id()))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ci@example.com:key".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"suite_id\":" + seed.suite().id()
                        + ",\"name\":\"r\",\"include_all\":false,\"case_ids\":[" + seed.first().id() + "]}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("C" + seed.first().id());
    }

    @Test
    void filtersSurviveInNextLinks() throws Exception {
        SectionSeed big = seed.suite().addSection("Big");
        big.addCases("Old", 10);
        long seeded = get(cases()).path("cases").get(0).path("updated_on").asLong();
        sim.advanceClock(Duration.ofSeconds(5));
        big.addCases("New", 260);
        JsonNode page = get(cases() + "&updated_after=" + seeded);
        assertThat(page.path("size").asInt()).isEqualTo(250);
        assertThat(page.path("_links").path("next").asText()).contains("updated_after=" + seeded);
    }
}
