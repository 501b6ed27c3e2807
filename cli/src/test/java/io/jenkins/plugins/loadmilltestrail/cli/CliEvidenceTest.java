package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimAttachment;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 3 to 5 from the command line against both simulators: run description and
 * references, evidence on failed results (comments, attachments) and assigning what failed, through
 * flags, LOADMILL_TESTRAIL_* variables and the --config file.
 */
class CliEvidenceTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Flows of the demo plan that do not pass: one stopped (never ran a request), two failed. */
    private static final int FAILED_FLOWS = 3;
    private static final int FLOWS_WITH_FAILED_REQUESTS = 2;

    private SimUser qa;

    @BeforeEach
    void seedForThisTest() {
        qa = testRail.addUser("qa@example.com", "other-key");
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_WORKFLOW", "api",
                "GITHUB_RUN_NUMBER", "77", "GITHUB_RUN_ID", "9001", "GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_SHA", "abc123"));
    }

    private Result run(String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--test-plan", demo.testPlanId(), "--project",
                DemoScenario.PROJECT, "--auto-create", "--results", results.toString(), "--summary", summary.toString(),
                "--poll-interval", "20ms", "--requests-per-minute", "60000", "--testrail-retry-wait", "100ms"));
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    private List<SimResult> allResults() {
        return testRail.runs().stream().flatMap(r -> testRail.results(r.id()).stream()).toList();
    }

    private JsonNode publishCalls() throws IOException {
        return JSON.readTree(summary.toFile()).path("calls");
    }

    @Test
    void theDefaultDescriptionLinksTheLoadmillRunAndTheBuildAndNothingElseIsAdded() throws IOException {
        Result result = run();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        String runUrl = JSON.readTree(results.toFile()).path("planRunUrl").asText();
        assertThat(testRail.plans()).singleElement().satisfies(plan -> assertThat(plan.description())
                .contains("Loadmill run: " + runUrl).contains("Build: https://github.com/acme/shop/actions/runs/9001"));
        assertThat(testRail.runs()).allSatisfy(r -> assertThat(testRail.runRefs(r.id())).isEmpty());
        assertThat(allResults()).allSatisfy(r -> assertThat(testRail.resultAssignee(r.id())).isZero());
        assertThat(testRail.attachments()).isEmpty();
        assertThat(publishCalls().path("byMethod").has("add_attachment_to_result")).isFalse();
        // The comment of a failed result: request line, Expected / Actual, and the flow-run link.
        assertThat(allResults()).filteredOn(r -> r.comment().contains("Pay with an expired card") || r.statusId() == 5)
                .anySatisfy(r -> assertThat(r.comment()).contains("Expected: __status Equals 402 / Actual: 500")
                        .contains("Flow run: "));
    }

    @Test
    void descriptionRefsAssigneeAndAttachmentsFromFlags() throws IOException {
        Result result = run("--run-description", "CI ${BUILD_URL} for ${GIT_COMMIT}; Loadmill ${LOADMILL_URL}",
                "--run-refs", "SHOP-12, ${GIT_COMMIT}", "--attach-failures", "--assign-failed", "qa@example.com");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        String runUrl = JSON.readTree(results.toFile()).path("planRunUrl").asText();
        assertThat(runUrl).isNotBlank();
        assertThat(testRail.plans()).singleElement().satisfies(plan -> assertThat(plan.description())
                .isEqualTo("CI https://github.com/acme/shop/actions/runs/9001 for abc123; Loadmill " + runUrl));
        assertThat(testRail.runs()).isNotEmpty().allSatisfy(r -> {
            assertThat(testRail.runRefs(r.id())).isEqualTo("SHOP-12,abc123");
            assertThat(r.description()).startsWith("CI https://github.com/acme/shop/actions/runs/9001 for abc123");
        });

        List<SimResult> assigned = allResults().stream().filter(r -> testRail.resultAssignee(r.id()) != 0).toList();
        assertThat(assigned).hasSize(FAILED_FLOWS).allSatisfy(r -> {
            assertThat(testRail.resultAssignee(r.id())).isEqualTo(qa.id());
            assertThat(r.statusId()).isNotEqualTo(1);
        });
        List<SimAttachment> attachments = testRail.attachments();
        assertThat(attachments).hasSize(FLOWS_WITH_FAILED_REQUESTS).allSatisfy(a -> {
            assertThat(a.name()).startsWith("loadmill-").endsWith(".txt");
            assertThat(a.contentType()).startsWith("text/plain");
            assertThat(a.text()).contains("=== Request #").contains("--- Response: ").contains("Authorization: [hidden]")
                    .doesNotContain("sim-secret-token");
            assertThat(assigned).extracting(SimResult::id).contains(a.resultId());
        });

        JsonNode calls = publishCalls();
        assertThat(calls.path("byMethod").path("add_attachment_to_result").asLong()).isEqualTo(FLOWS_WITH_FAILED_REQUESTS);
        // Once in the preflight (with the credentials check), once in the publish.
        assertThat(calls.path("preflight").path("byMethod").path("get_user_by_email").asLong()).isEqualTo(2);
        assertThat(calls.path("byMethod").path("get_user_by_email").asLong()).isEqualTo(1);
        assertThat(result.out()).contains("TestRail API calls: " + calls.path("total").asLong());
    }

    @Test
    void theOptionsWorkThroughVariablesAndTheConfigFile() throws IOException {
        env.put("LOADMILL_TESTRAIL_ATTACH_FAILURES", "true");
        env.put("LOADMILL_TESTRAIL_ASSIGN_FAILED", "qa@example.com");
        Path config = dir.resolve("loadmill-testrail.yml");
        Files.writeString(config, "run-refs: \"SHOP-7\"\nrun-description: \"From the config file, build ${BUILD_NUMBER}\"\n");

        Result result = run("--config", config.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(testRail.plans()).singleElement()
                .satisfies(plan -> assertThat(plan.description()).isEqualTo("From the config file, build 77"));
        assertThat(testRail.runs()).allSatisfy(r -> assertThat(testRail.runRefs(r.id())).isEqualTo("SHOP-7"));
        assertThat(testRail.attachments()).hasSize(FLOWS_WITH_FAILED_REQUESTS);
        assertThat(allResults()).filteredOn(r -> testRail.resultAssignee(r.id()) == qa.id()).hasSize(FAILED_FLOWS);
    }

    @Test
    void anUnknownAssigneeStopsTheRunBeforeLoadmill() {
        Result result = run("--assign-failed", "nobody@example.com");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("--assign-failed", "'nobody@example.com' is not a TestRail user",
                "Field :email is not a valid email address");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(results).doesNotExist();
    }

    @Test
    void refusedAttachmentsLeaveTheResultsPostedWithAWarning() throws IOException {
        testRail.setAttachmentsAllowed(false);

        Result result = run("--attach-failures");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("is posted, but TestRail did not take its attachment")
                .contains("Not uploading the remaining failure attachments");
        assertThat(allResults()).hasSize(demo.flows());
        assertThat(testRail.attachments()).isEmpty();
        // One refused upload, then no more.
        assertThat(publishCalls().path("byMethod").path("add_attachment_to_result").asLong()).isEqualTo(1);
    }

    @Test
    void anAttachmentOverTheSizeLimitIsRefusedAndTheOthersStillGo() throws IOException {
        testRail.setMaxAttachmentBytes(10);

        Result result = run("--attach-failures");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("did not take its attachment").contains("413");
        assertThat(publishCalls().path("byMethod").path("add_attachment_to_result").asLong())
                .isEqualTo(FLOWS_WITH_FAILED_REQUESTS);
        assertThat(testRail.attachments()).isEmpty();
        assertThat(allResults()).isNotEmpty();
    }

    @Test
    void referencesLongerThanTestRailKeepsStopBeforeAnyCall() {
        Result result = run("--run-refs", "X".repeat(251));

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("251 characters long", "at most 250");
        assertThat(testRail.callCounts()).isEmpty();
    }
}
