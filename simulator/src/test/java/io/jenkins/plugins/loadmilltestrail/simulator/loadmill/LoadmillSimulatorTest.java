package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoadmillSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final LoadmillSimulator sim = LoadmillSimulator.start();

    @AfterEach
    void close() {
        sim.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sim.url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((sim.token() + ":").getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void acceptsBasicAndBearerAndRejectsOthers() throws Exception {
        assertThat(call("GET", "/api/test-plans?rowsPerPage=1", null, basic()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/test-plans", null, "Bearer " + sim.token()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/test-plans", null, "Bearer nope").statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/test-plans", null, null).statusCode()).isEqualTo(401);
        assertThat(sim.calls(LoadmillSimulator.LIST_PLANS_ENDPOINT)).isEqualTo(4);
    }

    @Test
    void aTestPlanCanBeAddedWithTheIdDocumentationShowsButOnlyOnce() throws Exception {
        String id = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
        sim.addTestPlan(id, "Shop nightly").suite("Checkout", s -> s.passed("Pay by card"));

        assertThat(call("POST", "/api/test-plans/" + id + "/run", "{}", basic()).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> sim.addTestPlan(id, "Other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id);
    }

    @Test
    void planRunStaysRunningForItsPollsThenFinishes() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Nightly")
                .suite("Orders API", s -> s.passed("Create order").flaky("List orders", 2))
                .runningPolls(1);
        HttpResponse<String> started = call("POST", "/api/test-plans/" + plan.id() + "/run",
                "{\"additionalDescription\":\"build 3\",\"labels\":null}", basic());
        String runId = json(started).path("testPlanRunId").asText();

        JsonNode first = json(call("GET", "/api/test-plans-runs/" + runId, null, basic()));
        assertThat(first.path("status").asText()).isEqualTo("RUNNING");
        assertThat(first.path("endTime").isNull()).isTrue();
        JsonNode done = json(call("GET", "/api/v1/test-plans-runs/" + runId + "?fetchAllFlows=true&groupFlowAttempts=true",
                null, basic()));
        assertThat(done.path("status").asText()).isEqualTo("PASSED");
        JsonNode suite = done.path("testSuitesRuns").path(0);
        assertThat(suite.path("description").asText()).isEqualTo("Orders API build 3");
        assertThat(suite.path("testSuiteFlowRuns").path(1).path("runs")).hasSize(3);
        assertThat(sim.launches().get(0).has("labels")).isTrue();
        assertThat(sim.launches().get(0).field("labels")).isEmpty();
    }

    @Test
    void pollAnswersListOnlyTheScriptedPartOfTheFlows() throws Exception {
        TestPlanScenario plan = sim.addTestPlan("Bulk")
                .suite("Bulk", s -> s.passed("a").passed("b").failedWithError("c", "boom").pollListsFirstFlows(2));
        String runId = json(call("POST", "/api/test-plans/" + plan.id() + "/run", "{}", basic()))
                .path("testPlanRunId").asText();

        JsonNode poll = json(call("GET", "/api/test-plans-runs/" + runId, null, basic()));
        assertThat(poll.path("testSuitesRuns").path(0).path("status").asText()).isEqualTo("FAILED");
        assertThat(poll.path("testSuitesRuns").path(0).path("testSuiteFlowRuns")).hasSize(2);
        JsonNode all = json(call("GET", "/api/test-plans-runs/" + runId + "?fetchAllFlows=true", null, basic()));
        assertThat(all.path("testSuitesRuns").path(0).path("testSuiteFlowRuns")).hasSize(3);
    }

    @Test
    void unknownIdsAre404AndLaunchErrorsAre200WithErr() throws Exception {
        assertThat(call("POST", "/api/test-plans/nope/run", "{}", basic()).statusCode()).isEqualTo(404);
        TestPlanScenario plan = sim.addTestPlan("Broken").launchError("plan is already running");
        HttpResponse<String> answer = call("POST", "/api/test-plans/" + plan.id() + "/run", "{}", basic());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(json(answer).path("err").asText()).isEqualTo("plan is already running");
    }

    @Test
    void stopsSuiteRunsAndRecordsIt() throws Exception {
        TestSuiteScenario suite = sim.addTestSuite("Forever", s -> s.passed("a").neverFinishes());
        String runId = json(call("POST", "/api/test-suites/" + suite.id() + "/run", "{}", basic()))
                .path("testSuiteRunId").asText();
        assertThat(json(call("GET", "/api/test-suites-runs/" + runId, null, basic())).path("status").asText())
                .isEqualTo("RUNNING");

        assertThat(call("PUT", "/api/test-suites-runs/" + runId, "{\"additionalDescription\":\"bye\"}", basic())
                .statusCode()).isEqualTo(200);

        assertThat(sim.stops()).containsExactly(new StopCall(runId, false, "bye"));
        assertThat(json(call("GET", "/api/test-suites-runs/" + runId, null, basic())).path("status").asText())
                .isEqualTo("STOPPED");
    }

    @Test
    void flowDetailCarriesAssertionsAndTheTwoPartResult() throws Exception {
        TestSuiteScenario suite = sim.addTestSuite("S", s -> s.failed("Checkout", FlowFailure.of(
                        RequestStep.of("Login", "POST", "https://x/login"),
                        RequestStep.of("Pay", "POST", "https://x/pay").respond(409, "Conflict")
                                .failing("__status", "equals", "200", "409").failing("id", "", "", null))
                .withAfterEach(RequestStep.of("", "DELETE", "https://x/cart").requestError("HTTP status 500 - Oops"))));
        String runId = json(call("POST", "/api/test-suites/" + suite.id() + "/run", "{}", basic())).path("testSuiteRunId").asText();
        String flowRunId = json(call("GET", "/api/test-suites-runs/" + runId, null, basic()))
                .path("testSuiteFlowRuns").path(0).path("id").asText();

        JsonNode detail = json(call("GET", "/api/test-suites-runs/flows/" + flowRunId, null, basic()));

        JsonNode flow = detail.path("result").path("flow");
        assertThat(flow.path("failures").path("1").path("histogram").has("0")).isTrue();
        assertThat(flow.path("resolvedRequests").path(1).path("assert").path(0).path("equals").asText()).isEqualTo("200");
        assertThat(detail.path("result").path("afterEach").path("failures").has("2")).isTrue();
        assertThat(detail.path("redactableResult").path("flow").path(1).path("postParameters")).hasSize(1);
    }

    @Test
    void demoPlanRunsToTheEnd() throws Exception {
        TestPlanScenario plan = DemoScenarios.nightlyRegression(sim);
        String runId = json(call("POST", "/api/test-plans/" + plan.id() + "/run", "{}", basic())).path("testPlanRunId").asText();
        for (int i = 0; i < 2; i++) {
            assertThat(json(call("GET", "/api/test-plans-runs/" + runId, null, basic())).path("status").asText())
                    .isEqualTo("RUNNING");
        }
        JsonNode done = json(call("GET", "/api/test-plans-runs/" + runId + "?fetchAllFlows=true", null, basic()));
        assertThat(done.path("status").asText()).isEqualTo("FAILED");
        assertThat(done.path("testSuitesRuns").path(1).path("testSuiteFlowRuns").path(2).has("startTime")).isFalse();
    }

    @Test
    void faultsApplyToTheNthCall() throws Exception {
        sim.faults().onCall(LoadmillSimulator.LIST_PLANS_ENDPOINT, 2, Fault.status(503, "{}"));
        assertThat(call("GET", "/api/test-plans", null, basic()).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/test-plans", null, basic()).statusCode()).isEqualTo(503);
        assertThat(call("GET", "/api/test-plans", null, basic()).statusCode()).isEqualTo(200);
    }
}
