package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimRun;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 1 and 8 end to end against the simulators: TestRail result fields (required ones
 * stop the run before Loadmill; values typed by field, from the flag, the environment variable or
 * the config file, with variables), elapsed times every TestRail takes, and custom statuses by label.
 */
class CliResultFieldsTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void seedForThisTest() {
        env.put("BUILD_NUMBER", "42");
        testRail.setElapsedDecimals(false);
        testRail.addResultField("environment", "Environment", 6,
                SimFieldConfig.globalConfig(true, "").withItems("1, Staging", "2, Production"));
        testRail.addResultField("browsers", "Browsers", 12,
                SimFieldConfig.globalConfig(false, "").withItems("1, Chrome", "2, Firefox", "3, Safari"));
        testRail.addResultField("smoke", "Smoke test", 5, SimFieldConfig.globalConfig(false, ""));
        testRail.addResultField("build", "Build", 1, SimFieldConfig.globalConfig(false, ""));
        testRail.addResultField("attempt", "Attempt", 2, SimFieldConfig.globalConfig(false, ""));
    }

    private Result run(String... more) {
        return command("run", more);
    }

    private Result command(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--test-plan", demo.testPlanId(), "--poll-interval", "20ms",
                "--requests-per-minute", "60000", "--testrail-retry-wait", "100ms", "--results", results.toString(),
                "--project", DemoScenario.PROJECT, "--summary", summary.toString(), "--auto-create"));
        args.addAll(List.of(more));
        return CliRunner.run(env, args.toArray(String[]::new));
    }

    private List<SimResult> posted() {
        List<SimResult> all = new ArrayList<>();
        for (SimRun run : testRail.runs()) {
            all.addAll(testRail.results(run.id()));
        }
        return all;
    }

    private void assertStoppedBeforeLoadmill(Result result, String... words) {
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains(words).doesNotContain("Exception");
        assertThat(loadmill.launches()).as("Loadmill was never started").isEmpty();
        assertThat(testRail.runs()).isEmpty();
    }

    @Test
    void aRequiredResultFieldWithoutAValueStopsTheRunBeforeLoadmillNamingTheFieldAndItsOptions() {
        Result result = run();
        assertStoppedBeforeLoadmill(result, "TestRail requires the result field custom_environment (Environment, "
                + "dropdown: Staging, Production)", "--result-field custom_environment=Staging");
        assertThat(testRail.calls("get_result_fields")).isEqualTo(1);
    }

    @Test
    void valuesAreTypedByFieldAndCarryVariablesOnEveryResultForOneCallPerPublish() throws IOException {
        Result result = run("--result-field", "environment=production", "--result-field", "Browsers=Chrome, 3",
                "--result-field", "custom_smoke=yes", "--result-field", "custom_build=${BUILD_NUMBER}/${LOADMILL_RUN_ID}",
                "--result-field", "attempt=2");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1); // the demo has failures
        List<SimResult> posted = posted();
        assertThat(posted).hasSize(12);
        String runId = JSON.readTree(results.toFile()).path("planRunId").asText();
        assertThat(runId).isNotBlank();
        assertThat(posted).allSatisfy(r -> {
            assertThat(r.fields()).containsEntry("custom_environment", 2).containsEntry("custom_browsers", List.of(1, 3))
                    .containsEntry("custom_smoke", true).containsEntry("custom_build", "42/" + runId)
                    .containsEntry("custom_attempt", 2);
            assertThat(r.elapsed()).as("whole seconds, at least 1; left out for a flow that did not run")
                    .matches("|[1-9][0-9]*s");
        });
        assertThat(posted).extracting(SimResult::elapsed).as("sub-second flows rounded up").contains("1s");
        // One get_result_fields before Loadmill, one for the publish; none per flow.
        assertThat(testRail.calls("get_result_fields")).isEqualTo(2);
        JsonNode calls = JSON.readTree(summary.toFile()).path("calls");
        assertThat(calls.path("preflight").path("byMethod").path("get_result_fields").asLong()).isEqualTo(1);
        assertThat(calls.path("byMethod").path("get_result_fields").asLong()).isEqualTo(1);
    }

    @Test
    void aValueTheFieldDoesNotAllowStopsTheRunListingWhatItTakes() {
        Result result = run("--result-field", "custom_environment=Prod", "--result-field", "smoke=maybe",
                "--result-field", "attempt=two");
        assertStoppedBeforeLoadmill(result, "custom_environment (Environment, dropdown: Staging, Production) does not take "
                + "'Prod': 'Prod' is not one of its options; use one of Staging (1), Production (2), by label or id.",
                "custom_smoke (Smoke test, checkbox) does not take 'maybe'", "custom_attempt (Attempt, integer) does not "
                        + "take 'two'");
    }

    @Test
    void anUnknownFieldIsAProblemListingTheFieldsThatExist() {
        Result result = run("--result-field", "custom_environment=1", "--result-field", "enviroment=Staging");
        assertStoppedBeforeLoadmill(result, "The result field (--result-field) 'enviroment' is not a result field of "
                + "this TestRail; its result fields are custom_environment (Environment), custom_browsers (Browsers)");
    }

    @Test
    void theEnvironmentVariableTakesOneFieldPerLine() {
        env.put("LOADMILL_TESTRAIL_RESULT_FIELD", "custom_environment=Staging\ncustom_browsers=Firefox");
        Result result = run();
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(posted()).hasSize(12).allSatisfy(r -> assertThat(r.fields())
                .containsEntry("custom_environment", 1).containsEntry("custom_browsers", List.of(2)));
    }

    @Test
    void theConfigFileTakesAMapWithListsForMultiSelects() throws IOException {
        Path config = dir.resolve("loadmill-testrail.yml");
        Files.writeString(config, """
                result-field:
                  custom_environment: Production
                  custom_browsers: [Chrome, Firefox]
                  custom_build: "${BUILD_NUMBER}"
                """);
        Result result = run("--config", config.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(posted()).hasSize(12).allSatisfy(r -> assertThat(r.fields()).containsEntry("custom_environment", 2)
                .containsEntry("custom_browsers", List.of(1, 2)).containsEntry("custom_build", "42"));
    }

    @Test
    void aVariableNoOneSuppliesIsAUsageError() {
        env.remove("BUILD_NUMBER");
        Result result = run("--result-field", "custom_environment=Staging", "--result-field", "build=${BUILD_NUMBER}");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("The result field build uses the unknown variable ${BUILD_NUMBER}");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void aRequiredFieldWithADefaultGetsItAndTheDryRunShowsTheValues() {
        testRail.addResultField("version_tag", "Version tag", 1, SimFieldConfig.globalConfig(true, "nightly"));
        Result result = command("plan", "--result-field", "custom_environment=Staging");
        assertThat(result.exitCode()).as(result.all()).isIn(0, 1);
        assertThat(result.all()).contains("Result fields on every result: custom_environment=1, custom_version_tag=nightly");
        assertThat(testRail.runs()).isEmpty();
    }

    @Test
    void theStatusMapTakesACustomStatusByLabel() {
        SimStatus flaky = testRail.addCustomStatus("Flaky");
        Result result = run("--result-field", "custom_environment=Staging", "--status-map", "FLAKY=flaky");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(posted()).filteredOn(r -> r.statusId() == flaky.id()).hasSize(1);
    }
}
