package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Usage and configuration errors: found before any network call, exit code 2, one {@code error:}
 * message, the help of the option concerned and a pointer to {@code --help}, never the whole usage.
 */
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

    @ParameterizedTest
    @ValueSource(strings = {"run", "publish", "plan", "demo", "simulate"})
    void helpNeverWrapsInsideAUrlOrAnAbbreviation(String command) {
        String help = CliRunner.run(Map.of(), command, "--help").out();
        assertThat(help.lines()).noneMatch(line -> line.stripTrailing().matches(".*(https?:|\\be\\.|\\bi\\.)"))
                .noneMatch(line -> line.strip().startsWith("//"));
        if (!command.equals("demo") && !command.equals("simulate")) {
            assertThat(help).contains("https://example.testrail.io/");
        }
        if (command.equals("run")) {
            assertThat(help).contains("https://app.loadmill.com");
        }
    }

    @Test
    void theErrorsDocsCliMdShowsArePrintedAsShown() {
        java.util.List<DocExamples.Block> shown = DocExamples.of(java.nio.file.Path.of("..", "docs", "cli.md"))
                .under("Output", "");
        assertThat(shown).hasSize(2);

        Result malformed = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Shop", "--timeout", "90");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).isEqualTo(shown.get(0).text());

        Result missing = CliRunner.run(Map.of("TESTRAIL_USER", "ci@example.com"), "publish", "--results", "loadmill-results.json");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo(shown.get(1).text());
    }

    @Test
    void versionIsPrinted() {
        assertThat(CliRunner.run(Map.of(), "--version").out()).startsWith("loadmill-testrail ");
    }

    @Test
    void noCommandIsAUsageError() {
        Result result = CliRunner.run(Map.of());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: Missing command", "See `loadmill-testrail --help` for the options.")
                .doesNotContain("Usage:");
    }

    @Test
    void unknownOptionIsOneErrorLineAndAPointerToHelp() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", "--bogus");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("error: Unknown option: '--bogus'",
                "See `loadmill-testrail run --help` for the options.");
    }

    @Test
    void aMisspelledOptionGetsSuggestions() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", "--close-rn");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Unknown option: '--close-rn'").contains("--close-run")
                .endsWith("See `loadmill-testrail run --help` for the options." + System.lineSeparator())
                .doesNotContain("Usage:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--timeout=5x", "--timeout=90", "--poll-interval=soon", "--poll-interval=-1s"})
    void unparsableDurationNamesTheOptionAndShowsItsHelp(String option) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.exitCode()).isEqualTo(2);
        String name = option.substring(0, option.indexOf('='));
        assertThat(result.err().lines()).hasSize(3);
        assertThat(result.err().lines().toList().get(0))
                .startsWith("error: " + name + ": '" + option.substring(option.indexOf('=') + 1) + "' cannot be read as a duration: ");
        assertThat(result.err().lines().toList().get(1)).startsWith("  " + name + "=DURATION  ");
        assertThat(result.err()).doesNotContain("Usage:", "((", "))");
    }

    @Test
    void aDurationWithoutUnitSaysWhichUnitToAdd() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", "--timeout", "90");
        assertThat(result.err()).contains("error: --timeout: '90' cannot be read as a duration: it has no unit; write e.g. 90s.");
    }

    @Test
    void aZeroDurationIsQuotedAsPeopleWriteIt() {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", "--timeout", "0s");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("The Loadmill timeout must be positive; got 0 s.").doesNotContain("PT0S");
    }

    @Test
    void missingLoadmillTokenIsOneClearLineAndAPointerToHelp() {
        Map<String, String> env = Map.of("TESTRAIL_URL", "http://127.0.0.1:1/", "TESTRAIL_USER", "u", "TESTRAIL_API_KEY", "k");
        Result result = CliRunner.run(env, "run", "--test-plan", PLAN, "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "error: Missing the Loadmill API token (Loadmill: Settings > Security): set LOADMILL_API_TOKEN "
                        + "(or give --loadmill-token).",
                "See `loadmill-testrail run --help` for the options.");
    }

    @Test
    void everyMissingSettingIsReportedAtOnceWithItsOptionAndVariable() {
        Result result = CliRunner.run(Map.of("TESTRAIL_USER", "u"), "run", "--test-plan", PLAN);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "error: 4 required settings are missing:",
                "  the Loadmill API token (Loadmill: Settings > Security): set LOADMILL_API_TOKEN (or give --loadmill-token)",
                "  the TestRail URL: give --testrail-url or set TESTRAIL_URL",
                "  the TestRail API key (TestRail: My Settings > API Keys): set TESTRAIL_API_KEY (or give --testrail-key)",
                "  the TestRail project: give --project NAME|ID",
                "See `loadmill-testrail run --help` for the options.");
    }

    @Test
    void publishAndPlanFromResultsNeedNoLoadmillToken() {
        for (String command : new String[] {"publish", "plan"}) {
            Result result = CliRunner.run(Map.of(), command, "--results", "r.json");
            assertThat(result.err()).as(command).contains("4 required settings are missing", "TESTRAIL_USER")
                    .doesNotContain("LOADMILL_API_TOKEN");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TESTRAIL_URL", "TESTRAIL_USER", "TESTRAIL_API_KEY"})
    void missingTestRailVariableIsNamed(String variable) {
        Map<String, String> env = new java.util.HashMap<>(ENV);
        env.remove(variable);
        Result result = CliRunner.run(env, "publish", "--results", "r.json", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: Missing the TestRail", variable).doesNotContain("Usage:")
                .doesNotContain("Jenkins").doesNotContain("credential");
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
        Map<String, String> env = Map.of("TESTRAIL_USER", "u", "TESTRAIL_URL", "http://127.0.0.1:1/");
        // The malformed pin stops the command after the settings were read, before any call.
        Result result = CliRunner.run(env, "run", "--verbose", "--test-plan", PLAN, "--project", "Demo",
                "--loadmill-token", TOKEN, "--testrail-key", KEY, "--case-map", "not a pin");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--loadmill-token works, but", "--testrail-key works, but", "error: --case-map: ");
        assertThat(result.all()).doesNotContain(TOKEN).doesNotContain(KEY);
    }

    @Test
    void publishNeedsTheResultsFile() {
        Result result = CliRunner.run(ENV, "publish", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("error: Missing required option: '--results=FILE'",
                "  --results=FILE  The results file written by `run`.", "See `loadmill-testrail publish --help` for the options.");
    }

    @Test
    void planNeedsResultsOrSomethingToRun() {
        Result result = CliRunner.run(ENV, "plan", "--project", "Demo");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: Nothing to plan from", "See `loadmill-testrail plan --help`")
                .doesNotContain("Usage:");
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
        "--existing-plan=P-1", "--param=novalue", "--status-map=FLAKY", "--suite-map=Checkout", "--case-map=Login"})
    void malformedValuesAreUsageErrors(String option) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.exitCode()).isEqualTo(2);
        String name = option.substring(0, option.indexOf('='));
        assertThat(result.err()).startsWith("error: ").contains(System.lineSeparator() + "  " + name + "=")
                .doesNotContain("Usage:").doesNotContain("option option").doesNotContain("per line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--existing-plan=P56", "--existing-plan=p56", "--existing-plan=56", "--existing-run=R7"})
    void runAndPlanIdsAreAcceptedWithThePrefixesTheToolPrints(String option) {
        Result result = CliRunner.run(Map.of(), "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.err()).as("only the missing credentials are reported").contains("required settings are missing")
                .doesNotContain("TestRail id").doesNotContain("existing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--existing-plan=R56", "--existing-run=P7"})
    void aRunIdIsNoPlanIdAndAPlanIdNoRunId(String option) {
        Result result = CliRunner.run(ENV, "run", "--test-plan", PLAN, "--project", "Demo", option);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a TestRail " + (option.contains("plan") ? "plan" : "run") + " id");
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
