package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** --fail-on and --fail-on-publish-error, end to end against both simulators. */
class ExitCodeControlTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Fault DOWN = Fault.status(503, "{\"error\":\"Service unavailable\"}");

    /** The demo plan: 12 flows, 3 of which do not pass. */
    private Result runDemoPlan(String... more) {
        return run(demo.testPlanId(), more);
    }

    private Result run(String testPlanId, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--test-plan", testPlanId, "--project", DemoScenario.PROJECT,
                "--auto-create", "--results", results.toString(), "--summary", summary.toString(),
                "--poll-interval", "20ms", "--requests-per-minute", "60000", "--testrail-retry-wait", "100ms"));
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    private int postedResults() {
        return testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum();
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(summary.toFile());
    }

    @Test
    void failedFlowsExitOneByDefaultAndZeroWithFailOnNever() throws IOException {
        Result byDefault = runDemoPlan();
        assertThat(byDefault.exitCode()).as(byDefault.all()).isEqualTo(1);

        Result never = runDemoPlan("--fail-on", "never");

        assertThat(never.exitCode()).as(never.all()).isZero();
        assertThat(never.out()).contains("12 flows, 8 passed, 1 flaky, 3 did not pass; posted 12 results");
        assertThat(summary().path("exitCode").asInt()).isZero();
        assertThat(summary().path("loadmill").path("flows").path("failed").asInt()).isEqualTo(3);
    }

    @Test
    void aTestRailErrorAfterTheResultsWereSavedExitsFourByDefault() throws IOException {
        testRail.faults().always("add_results_for_cases", DOWN);

        Result result = runDemoPlan();

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.err()).contains("error: ").contains("kept in " + results);
        assertThat(summary().path("exitCode").asInt()).isEqualTo(4);
    }

    @Test
    void withFailOnPublishErrorFalseATestRailErrorIsAWarningAndTheFlowsDecide() throws IOException {
        testRail.faults().always("add_results_for_cases", DOWN);

        Result result = runDemoPlan("--fail-on-publish-error", "false");

        assertThat(result.exitCode()).as("3 flows did not pass: " + result.all()).isEqualTo(1);
        assertThat(result.err()).contains("WARNING: ").contains("kept in " + results)
                .contains("loadmill-testrail publish --results " + results)
                .contains("--fail-on-publish-error false: exit code 1, from the flows")
                .doesNotContain("error: ");
        assertThat(results).isRegularFile();
        assertThat(summary().path("exitCode").asInt()).isEqualTo(1);
        assertThat(summary().path("error").asText()).contains("kept in " + results);
        assertThat(summary().path("files").path("results").asText()).isEqualTo(results.toString());
    }

    @Test
    void bothSwitchesTogetherNeverFailTheStep() {
        testRail.faults().always("add_results_for_cases", DOWN);

        Result result = runDemoPlan("--fail-on-publish-error", "false", "--fail-on", "never");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.err()).contains("WARNING: ");
    }

    @Test
    void publishTakesTheSameSwitch() {
        testRail.faults().always("add_results_for_cases", DOWN);
        assertThat(runDemoPlan().exitCode()).isEqualTo(4);

        Result stillDown = CliRunner.run(env, "publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                "--auto-create", "--requests-per-minute", "60000", "--testrail-retry-wait", "100ms",
                "--fail-on-publish-error", "false", "--fail-on", "never");
        assertThat(stillDown.exitCode()).as(stillDown.all()).isZero();

        testRail.faults().clearFaults();
        Result finished = CliRunner.run(env, "publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                "--auto-create", "--requests-per-minute", "60000", "--fail-on-publish-error", "false");
        assertThat(finished.exitCode()).as(finished.all()).isEqualTo(1);
        assertThat(postedResults()).isEqualTo(12);
    }

    @Test
    void rejectedResultsFollowTheSwitchToo() {
        TestPlanScenario smoke = loadmill.addTestPlan("Smoke")
                .suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card C999999"));

        Result strict = run(smoke.id());
        assertThat(strict.exitCode()).as(strict.all()).isEqualTo(4);
        assertThat(strict.err()).contains("error: TestRail rejected 1 result (listed above).");

        Result lenient = run(smoke.id(), "--fail-on-publish-error", "false");
        assertThat(lenient.exitCode()).as("every flow passed: " + lenient.all()).isZero();
        assertThat(lenient.err()).as("a warning, written as the other warnings are (docs/cli.md)")
                .contains("  WARNING: TestRail rejected 1 result (listed above).").doesNotContain("error: ");
    }

    @Test
    void malformedValuesAreUsageErrors() {
        Result failOn = CliRunner.run(env, "run", "--test-plan", demo.testPlanId(), "--project", "P", "--fail-on", "sometimes");
        assertThat(failOn.exitCode()).isEqualTo(2);
        assertThat(failOn.err()).contains("--fail-on").contains("sometimes");

        Result publishError = CliRunner.run(env, "publish", "--results", "r.json", "--project", "P",
                "--fail-on-publish-error", "maybe");
        assertThat(publishError.exitCode()).isEqualTo(2);
        assertThat(publishError.err()).contains("--fail-on-publish-error").contains("maybe");
        assertThat(loadmill.launches()).isEmpty();
    }
}
