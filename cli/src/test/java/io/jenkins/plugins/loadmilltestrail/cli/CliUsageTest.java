package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Usage and configuration errors: found before any network call, exit code 2, one clear message. */
class CliUsageTest {
    private static final String PLAN = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
    private static final String TOKEN = "lm-secret-token-123";
    private static final String KEY = "tr-secret-key-456";
    private static final Map<String, String> ENV = Map.of(
            "LOADMILL_API_TOKEN", TOKEN,
            "TESTRAIL_URL", "http://127.0.0.1:1/",
            "TESTRAIL_USER", "ci@example.com",
            "TESTRAIL_API_KEY", KEY);

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Result result = CliRunner.run(Map.of(), "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("run", "publish", "plan", "Exit codes: 0");
    }

    @Test
    void versionIsPrinted() {
        assertThat(CliRunner.run(Map.of(), "--version").out()).startsWith("loadmill-testrail ");
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = CliRunner.run(Map.of());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing command", "Usage: loadmill-testrail");
    }

    @Test
    void unknownOptionShowsTheCommandsUsage() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option: '--bogus'", "Usage: loadmill-testrail run");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout=5x", "--timeout=90", "--poll-interval=soon", "--poll-interval=-1s"})
    void unparsableDurationNamesTheOptionAndShowsUsage(String option) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.exitCode()).isEqualTo(2);
        String name = option.substring(0, option.indexOf('='));
        assertThat(result.err()).contains(name + ": '" + option.substring(option.indexOf('=') + 1) + "' cannot be read as a duration",
                "Usage: loadmill-testrail run");
    }

    @Test
    void missingLoadmillTokenIsOneClearLineAndAPointerToHelp() {
        Map<String, String> env = Map.of("TESTRAIL_URL", "http://127.0.0.1:1/", "TESTRAIL_USER", "u", "TESTRAIL_API_KEY", "k");
        Result result = CliRunner.run(env, "run", "--test-plan", PLAN, "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Loadmill API token is missing", "LOADMILL_API_TOKEN").doesNotContain("Usage:");
        assertThat(result.err().lines()).hasSize(2).last().isEqualTo("See `loadmill-testrail run --help` for the options.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TESTRAIL_URL", "TESTRAIL_USER", "TESTRAIL_API_KEY"})
    void missingTestRailVariableIsNamed(String variable) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.remove(variable);
        Result result = CliRunner.run(env, "publish", "--results", "r.json", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(variable).doesNotContain("Usage:");
    }

    @Test
    void nothingToRunIsAConfigurationError() {
        Result result = CliRunner.run(ENV, "run", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Nothing to run");
    }

    @Test
    void malformedTestPlanIdIsAConfigurationError() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", "nightly", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'nightly' is not a valid id");
    }

    @Test
    void secretsGivenAsFlagsWarnAndAreNeverPrinted() {
        Map<String, String> env = Map.of("TESTRAIL_USER", "u");
        Result result = CliRunner.run(env, "run", "--verbose", "--test-plan", PLAN, "--project", "Demo",
                "--loadmill-token", TOKEN, "--testrail-key", KEY);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--loadmill-token works, but", "--testrail-key works, but", "TestRail URL is missing");
        assertThat(result.all()).doesNotContain(TOKEN).doesNotContain(KEY);
    }

    @Test
    void publishNeedsTheResultsFile() {
        Result result = CliRunner.run(ENV, "publish", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required option: '--results=FILE'", "Usage: loadmill-testrail publish");
    }

    @Test
    void planNeedsResultsOrSomethingToRun() {
        Result result = CliRunner.run(ENV, "plan", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Nothing to plan from", "Usage: loadmill-testrail plan");
    }

    @Test
    void planFromResultsRefusesLoadmillRunOptions() {
        Result result = CliRunner.run(ENV, "plan", "--results", "r.json", "--junit", "j.xml", "--labels", "smoke",
                "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--labels, --junit need --test-plan or --suite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--match=fuzzy", "--parallel=many", "--requests-per-minute=lots", "--existing-run=latest",
        "--existing-plan=P-1", "--param=novalue"})
    void malformedValuesAreUsageErrors(String option) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains(option.substring(0, option.indexOf('='))).contains("Usage: loadmill-testrail run");
    }

    @Test
    void quietAndVerboseTogetherIsAUsageError() {
        Result result = CliRunner.run(ENV, "publish", "--results", "r.json", "--project", "Demo", "-q", "-v");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Give --quiet or --verbose, not both.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--testrail-keys=VerySecretValue", "--loadmill-tokn=VerySecretValue", "--testrail-kee"})
    void usageErrorsNeverQuoteASecret(String misspelled) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", misspelled, "VerySecretValue");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown option").contains("****");
        assertThat(result.all()).doesNotContain("VerySecretValue");
    }
}
