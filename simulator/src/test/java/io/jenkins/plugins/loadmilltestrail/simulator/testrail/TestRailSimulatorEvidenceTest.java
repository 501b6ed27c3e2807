package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Run and entry refs, result assignees and add_attachment_to_result as the simulator models them. */
class TestRailSimulatorEvidenceTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOUNDARY = "b0undary";

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

    private HttpResponse<String> send(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.url() + "index.php?/api/v2/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("ci@example.com:key".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> json(String path, String body) throws IOException, InterruptedException {
        return send(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(long resultId, String fileName, byte[] content) throws IOException, InterruptedException {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return send("add_attachment_to_result/" + resultId, "multipart/form-data; boundary=" + BOUNDARY, body);
    }

    private long run(String extra) throws IOException, InterruptedException {
        HttpResponse<String> answer = json("add_run/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id()
                + ",\"name\":\"R\",\"include_all\":false,\"case_ids\":[" + seed.first().id() + "]" + extra + "}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path("id").asLong();
    }

    private long result(long runId) throws IOException, InterruptedException {
        HttpResponse<String> answer = json("add_results_for_cases/" + runId,
                "{\"results\":[{\"case_id\":" + seed.first().id() + ",\"status_id\":5}]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).path(0).path("id").asLong();
    }

    @Test
    void runsAndPlanEntriesKeepTheirRefsAndDescriptionWithinTwoHundredFiftyCharacters() throws Exception {
        long runId = run(",\"refs\":\"SHOP-1,abc123\",\"description\":\"Build: https://ci/1\"");
        assertThat(sim.runRefs(runId)).isEqualTo("SHOP-1,abc123");
        assertThat(sim.run(runId).orElseThrow().description()).isEqualTo("Build: https://ci/1");

        HttpResponse<String> tooLong = json("add_run/" + seed.project().id(), "{\"suite_id\":" + seed.suite().id()
                + ",\"name\":\"R\",\"refs\":\"" + "x".repeat(251) + "\"}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("Field :refs is too long (250 characters at most).");

        HttpResponse<String> plan = json("add_plan/" + seed.project().id(), "{\"name\":\"P\",\"description\":\"D\","
                + "\"entries\":[{\"suite_id\":" + seed.suite().id() + ",\"include_all\":false,\"case_ids\":["
                + seed.first().id() + "],\"refs\":\"SHOP-2\"}]}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        JsonNode entryRun = JSON.readTree(plan.body()).path("entries").path(0).path("runs").path(0);
        assertThat(entryRun.path("refs").asText()).isEqualTo("SHOP-2");
        assertThat(JSON.readTree(plan.body()).path("description").asText()).isEqualTo("D");
    }

    @Test
    void resultsAssignTheirTestToAKnownUserOnly() throws Exception {
        long runId = run("");
        HttpResponse<String> ok = json("add_results_for_cases/" + runId, "{\"results\":[{\"case_id\":" + seed.first().id()
                + ",\"status_id\":5,\"assignedto_id\":" + user.id() + "}]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode stored = JSON.readTree(ok.body()).path(0);
        assertThat(stored.path("assignedto_id").asLong()).isEqualTo(user.id());
        assertThat(sim.resultAssignee(stored.path("id").asLong())).isEqualTo(user.id());

        HttpResponse<String> unknown = json("add_results_for_cases/" + runId, "{\"results\":[{\"case_id\":"
                + seed.first().id() + ",\"status_id\":5,\"assignedto_id\":99999}]}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("Field :results.assignedto_id is not a valid user.");
        assertThat(sim.results(runId)).hasSize(1);
    }

    @Test
    void attachmentsAreMultipartWithASizeLimitAndTheSiteSetting() throws Exception {
        long resultId = result(run(""));
        byte[] content = "POST /cart\n\u00e9 \u0000 binary-safe".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> ok = upload(resultId, "evidence.txt", content);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).path("attachment_id").asText()).isNotBlank();
        assertThat(sim.attachments(resultId)).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("evidence.txt");
            assertThat(a.data()).isEqualTo(content);
        });

        sim.setMaxAttachmentBytes(10);
        assertThat(upload(resultId, "big.txt", new byte[11]).statusCode()).isEqualTo(413);
        sim.setMaxAttachmentBytes(1000);

        sim.setAttachmentsAllowed(false);
        HttpResponse<String> denied = upload(resultId, "e.txt", content);
        assertThat(denied.statusCode()).isEqualTo(403);
        sim.setAttachmentsAllowed(true);

        assertThat(upload(987654, "e.txt", content).body()).contains("Field :result_id is not a valid result.");
        HttpResponse<String> noFile = json("add_attachment_to_result/" + resultId, "{}");
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("Field :attachment is a required field.");
        assertThat(sim.attachments(resultId)).hasSize(1);
    }
}
