package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the CLI says matches what it did (issue 11, "Tell the truth"): counts, summaries, recovery
 * commands and messages, checked end to end against both simulators seeded with the demo scenario.
 */
class CliTruthTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code command} with no client-side rate limit and a quick give-up on TestRail errors. */
    private Result cli(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        all.addAll(List.of("--requests-per-minute", "60000"));
        if (!all.contains("--testrail-retry-wait")) {
            all.addAll(List.of("--testrail-retry-wait", "100ms"));
        }
        return CliRunner.run(env, all.toArray(String[]::new));
    }

    /** {@code plan --test-plan} saves the demo plan's results to {@link #results} without writing to TestRail. */
    private void collectDemoResults() {
        Result plan = cli("plan", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project",
                DemoScenario.PROJECT, "--results", results.toString());
        assertThat(plan.exitCode()).as(plan.all()).isZero();
    }

    private long caseId(String title) {
        return testRail.projects().stream().filter(p -> p.name().equals(DemoScenario.PROJECT))
                .flatMap(p -> testRail.suites(p.id()).stream()).flatMap(s -> testRail.cases(s.id()).stream())
                .filter(c -> c.title().equals(title)).findFirst().orElseThrow().id();
    }

    @Test
    void matchByIdCountsOnlyPinnedFlowsAsMatchedAndListsTheOthersAsUnmatched() throws IOException {
        collectDemoResults();
        String[] pins = {"--case-map", "Checkout/Pay by card=C" + caseId("Pay by card"),
            "--case-map", "Accounts/Sign up=C" + caseId("Sign up"), "--case-map", "Accounts/Log in=" + caseId("Log in")};
        List<String> args = new ArrayList<>(List.of("--results", results.toString(), "--project", DemoScenario.PROJECT,
                "--match", "id"));
        args.addAll(List.of(pins));

        Result plan = cli("plan", args.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("Flows: 12 (3 pinned, 9 not pinned)",
                "3 flows match existing cases, 0 cases to create (0 suites, 0 sections), planned 3 results",
                "planned 3 results to TestRail, 9 unmatched.");

        Path summary = dir.resolve("summary.json");
        args.addAll(List.of("--summary", summary.toString()));
        Result publish = cli("publish", args.toArray(String[]::new));
        assertThat(publish.exitCode()).as(publish.all()).isEqualTo(1);
        assertThat(publish.out()).contains("3 flows matched existing cases, 0 cases created (0 suites, 0 sections), posted 3 results",
                "Flows with no TestRail case (not published) (9):", "Search / Search by keyword",
                "posted 3 results to TestRail, 9 unmatched.");
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("testRail").path("matched").asInt()).isEqualTo(3);
        assertThat(json.path("testRail").path("postedResults").asInt()).isEqualTo(3);
        assertThat(json.path("unmatched")).hasSize(9);
        assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(3);
    }

    @Test
    void publishingAPublishedResultsFileAgainSaysNothingWasLeftToPost() throws IOException {
        collectDemoResults();
        Result first = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
        assertThat(first.out()).contains("posted 12 results to TestRail.");

        Path summary = dir.resolve("summary.json");
        Result again = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create",
                "--summary", summary.toString());
        assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
        assertThat(again.out()).contains("12 results were already posted (journal); nothing to do")
                .doesNotContain("posted 12 results");
        assertThat(JSON.readTree(summary.toFile()).path("testRail").path("alreadyPosted").asInt()).isEqualTo(12);
        assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(12);
    }

    @Test
    void theRecoveryCommandPrintedAfterATestRailFailureWorksAsPrinted() throws Exception {
        testRail.faults().always("add_results_for_cases", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result cut = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project", DemoScenario.PROJECT,
                "--auto-create", "--run-name", "${LOADMILL_NAME} for 'QA'", "--status-map", "FLAKY=Retest",
                "--testrail-key", DemoScenario.TESTRAIL_KEY, "--results", results.toString());
        assertThat(cut.exitCode()).as(cut.all()).isEqualTo(4);
        Matcher printed = Pattern.compile("Run `loadmill-testrail (publish [^`]+)` to finish publishing them").matcher(cut.err());
        assertThat(printed.find()).as(cut.err()).isTrue();
        assertThat(printed.group(1)).doesNotContain(DemoScenario.TESTRAIL_KEY, "--test-plan", "--poll-interval");

        testRail.faults().clearFaults();
        Result finished = CliRunner.run(env, shellWords(printed.group(1)));
        assertThat(finished.exitCode()).as(finished.all()).isEqualTo(1);
        assertThat(finished.out()).contains("posted 12 results to TestRail");
        assertThat(testRail.plans()).singleElement()
                .satisfies(p -> assertThat(p.name()).isEqualTo(DemoScenario.PLAN + " for 'QA'"));
        int retest = 4;
        assertThat(testRail.runs().stream().flatMap(r -> testRail.results(r.id()).stream()))
                .hasSize(12).filteredOn(r -> r.statusId() == retest).hasSize(1);
    }

    @Test
    void theRecoveryCommandKeepsNetworkAndExitCodeOptionsTheBuildsVariablesAndNoProxyPassword() throws Exception {
        testRail.faults().always("add_plan", Fault.status(403, "{\"error\":\"You are not allowed to add test plans.\"}"));
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_WORKFLOW", "api tests",
                "GITHUB_RUN_NUMBER", "42"));
        try (LoopbackServers.Proxy proxy = new LoopbackServers.Proxy("ci", "proxy-s3cret")) {
            Result cut = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project", DemoScenario.PROJECT,
                    "--auto-create", "--results", results.toString(), "--junit", dir.resolve("junit.xml").toString(),
                    "--fail-on", "never", "--testrail-connect-timeout", "7s", "--no-case-cache",
                    "--proxy", "http://ci:proxy-s3cret@127.0.0.1:" + proxy.port(), "--run-name", "${JOB_NAME} #${BUILD_NUMBER}");

            assertThat(cut.exitCode()).as(cut.all()).isEqualTo(4);
            Matcher printed = Pattern.compile("Run `([^`]+)` to finish publishing them").matcher(cut.err());
            assertThat(printed.find()).as(cut.err()).isTrue();
            assertThat(printed.group(1)).startsWith("JOB_NAME='acme/shop/api tests' BUILD_NUMBER=42 loadmill-testrail publish ")
                    .contains(" --junit " + dir.resolve("junit.xml"), " --fail-on never", " --testrail-connect-timeout 7s",
                            " --no-case-cache", " --run-name '${JOB_NAME} #${BUILD_NUMBER}'")
                    .doesNotContain("--proxy", "proxy-s3cret");
        }
    }

    @Test
    void theSummaryHasEveryFieldDocsCliMdShows() throws Exception {
        JsonNode shown = JSON.readTree(DocExamples.of(Path.of("..", "docs", "cli.md")).under("Summary JSON", "json").get(0).text());
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project", DemoScenario.PROJECT,
                "--auto-create", "--results", results.toString(), "--summary", summary.toString(),
                "--junit", dir.resolve("junit.xml").toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);

        List<String> missing = new ArrayList<>();
        missingFields("", shown, JSON.readTree(summary.toFile()), missing);
        assertThat(missing).as("fields docs/cli.md shows that the summary lacks").isEmpty();
    }

    private static void missingFields(String path, JsonNode shown, JsonNode actual, List<String> missing) {
        if (path.endsWith(".byMethod")) {
            return; // the docs' method names are examples
        }
        if (shown.isObject()) {
            shown.fields().forEachRemaining(field -> {
                if (!actual.has(field.getKey())) {
                    missing.add(path + "." + field.getKey());
                } else {
                    missingFields(path + "." + field.getKey(), field.getValue(), actual.get(field.getKey()), missing);
                }
            });
        } else if (shown.isArray() && !shown.isEmpty() && !actual.isEmpty()) {
            missingFields(path + "[0]", shown.get(0), actual.get(0), missing);
        }
    }

    @Test
    void aPlanIdAsTheToolPrintsItIsAccepted() {
        collectDemoResults();
        Result first = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(1);
        long planId = testRail.plans().get(0).id();
        Path second = dir.resolve("second.json");
        Result plan = cli("plan", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project",
                DemoScenario.PROJECT, "--results", second.toString());
        assertThat(plan.exitCode()).as(plan.all()).isZero();

        Result again = cli("publish", "--results", second.toString(), "--project", DemoScenario.PROJECT,
                "--existing-plan", "P" + planId);
        assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
        assertThat(testRail.plans()).hasSize(1);
        assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(24);
    }

    @Test
    void aCaseMapFileErrorSaysWhyAndOnWhichLine() throws IOException {
        Path pins = dir.resolve("pins.txt");
        Files.writeString(pins, "# pins\nCheckout/Pay by card=C1\n\nAccounts/Log in=CX2\n");
        Result badLine = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--case-map-file", pins.toString(), "--results", results.toString());
        assertThat(badLine.exitCode()).isEqualTo(2);
        assertThat(badLine.err()).contains("error: --case-map-file: " + pins + " line 4: ", "'CX2'")
                .contains("  --case-map-file=FILE  ");

        Result missing = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--case-map-file", dir.resolve("nope.txt").toString(), "--results", results.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("error: --case-map-file: cannot read " + dir.resolve("nope.txt") + ": it does not exist.");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(testRail.callCounts()).isEmpty();
    }

    @Test
    void anUnreadableCaseMapFileSaysPermissionDenied() throws IOException {
        Path pins = Files.writeString(dir.resolve("pins.txt"), "Checkout/Pay by card=C1\n");
        Files.setPosixFilePermissions(pins, PosixFilePermissions.fromString("-w-------"));
        assumeFalse(Files.isReadable(pins), "the user can read any file (root)");
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--case-map-file", pins.toString(), "--results", results.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot read " + pins + ": permission denied.");
    }

    @Test
    void serviceErrorsGiveNoJenkinsAdvice() {
        collectDemoResults();
        env = new HashMap<>(env);
        env.put("LOADMILL_API_TOKEN", "not-the-token");
        Result loadmillRefused = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--results", dir.resolve("refused.json").toString());
        assertThat(loadmillRefused.exitCode()).as(loadmillRefused.all()).isEqualTo(3);
        assertThat(loadmillRefused.err()).contains("Loadmill rejected the API token");

        testRail.close();
        Result unreachable = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT);
        assertThat(unreachable.exitCode()).as(unreachable.all()).isEqualTo(4);
        assertThat(unreachable.err()).contains("Could not reach TestRail");

        for (Result result : List.of(loadmillRefused, unreachable)) {
            assertThat(result.all()).doesNotContain("Jenkins").doesNotContain("credential").doesNotContain("per line");
        }
    }

    @Test
    void planQuietPrintsTheWholePlan() {
        collectDemoResults();
        Result normal = cli("plan", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        Result quiet = cli("plan", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create", "-q");
        assertThat(quiet.exitCode()).as(quiet.all()).isZero();
        String plan = normal.out().substring(0, normal.out().indexOf("Matches:"));
        assertThat(quiet.out()).contains(plan, "Matches:", "Checkout / Pay with an expired card -> C",
                "Flows that did not pass (3):", "planned 12 results to TestRail.");
    }

    @Test
    void publishWritesTheJUnitReportAndTheSummaryWithTheResultsFilesPermissions() throws IOException {
        collectDemoResults();
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.json");
        Result result = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create",
                "--junit", junit.toString(), "--summary", summary.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(Files.readString(junit)).contains("<testcase", "Pay with an expired card");
        assertThat(JSON.readTree(summary.toFile()).path("files").path("junit").asText()).isEqualTo(junit.toString());
        assertThat(Files.getPosixFilePermissions(summary)).isEqualTo(Files.getPosixFilePermissions(results))
                .isEqualTo(Files.getPosixFilePermissions(junit));
    }

    @Test
    void publishWritesTheJUnitReportEvenWhenTestRailFails() {
        collectDemoResults();
        testRail.faults().always("get_projects", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Path junit = dir.resolve("junit.xml");
        Result result = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                "--junit", junit.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(junit).isNotEmptyFile();
    }

    @Test
    void summaryDashWritesTheJsonAloneToStandardOutput() throws IOException {
        collectDemoResults();
        Result result = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create",
                "--summary", "-");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        JsonNode json = JSON.readTree(result.out());
        assertThat(json.path("testRail").path("postedResults").asInt()).isEqualTo(12);
        assertThat(json.path("files").has("summary")).isFalse();
        assertThat(dir.resolve("-")).doesNotExist();
        assertThat(result.err()).contains("Result: 12 flows", "Flows that did not pass (3):");
    }

    @Test
    void verboseShowsEveryCallAndEveryRetry() {
        testRail.faults().next("get_projects", 1, Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project",
                DemoScenario.PROJECT, "--auto-create", "--results", results.toString(), "--testrail-retry-wait", "5s",
                "--verbose");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).containsPattern("  POST /api/test-plans/" + demo.testPlanId() + "/run -> 200 in \\d+ ms")
                .containsPattern("  GET /index.php\\?/api/v2/get_projects -> 503 in \\d+ ms")
                .containsPattern("TestRail: get_projects .*retry 1 in")
                .containsPattern("  GET /index.php\\?/api/v2/get_projects -> 200 in \\d+ ms")
                .containsPattern("  POST /index.php\\?/api/v2/add_plan/\\d+ -> 200 in \\d+ ms")
                .doesNotContain(DemoScenario.TESTRAIL_KEY).doesNotContain(DemoScenario.LOADMILL_TOKEN);

        Result normal = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT);
        assertThat(normal.err()).doesNotContain("/api/v2/");
    }

    @Test
    void progressRetriesAndWarningsGoToStandardErrorTheSummaryToStandardOutput() {
        // docs/cli.md "Output": without --auto-create the seven flows TestRail lacks are a warning.
        testRail.faults().next("get_projects", 1, Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result normal = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project",
                DemoScenario.PROJECT, "--results", results.toString(), "--testrail-retry-wait", "5s");
        assertThat(normal.exitCode()).as(normal.all()).isEqualTo(1);
        String[] progress = {"Starting Loadmill test plan", "  suite Checkout: FAILED",
            "  TestRail: get_projects failed (HTTP 503); retry 1 in", "  WARNING: 7 flow(s) matched no TestRail case"};
        String[] summary = {"Loadmill test plan \"Shop nightly\": 12 flows", "Flows that did not pass (3):",
            "TestRail API calls: ", "Result: 12 flows, 8 passed, 1 flaky, 3 did not pass; posted 5 results to TestRail"};
        assertThat(normal.err()).contains(progress);
        assertThat(normal.out()).contains(summary);
        for (String line : progress) {
            assertThat(normal.out()).doesNotContain(line);
        }
        for (String line : summary) {
            assertThat(normal.err()).doesNotContain(line);
        }

        // --quiet: warnings, links, flows that did not pass and the result line; no phases, suites, retries or counts.
        testRail.faults().next("get_projects", 1, Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result quiet = cli("run", "--test-plan", demo.testPlanId(), "--poll-interval", "20ms", "--project",
                DemoScenario.PROJECT, "--results", results.toString(), "--testrail-retry-wait", "5s", "--quiet");
        assertThat(quiet.exitCode()).as(quiet.all()).isEqualTo(1);
        assertThat(quiet.err()).contains("  WARNING: 7 flow(s) matched no TestRail case")
                .doesNotContain("Starting Loadmill", "suite Checkout", "retry 1");
        assertThat(quiet.out()).contains("Loadmill run: ", "TestRail run R", "Flows that did not pass (3):",
                "Result: 12 flows").doesNotContain("TestRail API calls", "flows matched existing cases");
    }

    @Test
    void aUsageErrorStillWritesTheSummarySayingWhy() throws IOException {
        // docs/cli.md "Summary JSON": a failed command's summary holds exitCode, error and files.
        Result malformed = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--timeout", "90", "--summary", summary.toString());
        assertThat(malformed.exitCode()).as(malformed.all()).isEqualTo(2);
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("exitCode").asInt()).isEqualTo(2);
        assertThat(json.path("error").asText()).startsWith("--timeout: '90' cannot be read as a duration");
        assertThat(malformed.err()).contains("error: " + json.path("error").asText());
        assertThat(json.path("files").path("summary").asText()).isEqualTo(summary.toString());
        assertThat(json.has("dryRun")).isFalse();

        // picocli stops at the unknown option, before it reaches --summary: the summary is found all the same.
        Path second = dir.resolve("second.json");
        Result unknown = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--bogus",
                "--summary", second.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(second.toFile()).path("error").asText()).isEqualTo("Unknown option: '--bogus'");

        // The summary named by a variable, after a config file that cannot be used.
        Path third = dir.resolve("third.json");
        Path config = Files.writeString(dir.resolve("ci.yml"), "projekt: Shop\n");
        env = new HashMap<>(env);
        env.put("LOADMILL_TESTRAIL_SUMMARY", third.toString());
        Result badConfig = cli("plan", "--results", results.toString(), "--config", config.toString());
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(JSON.readTree(third.toFile()).path("error").asText()).contains("has the key 'projekt'");

        assertThat(loadmill.launches()).isEmpty();
        assertThat(testRail.callCounts()).isEmpty();
    }

    /** The words a POSIX shell makes of {@code command}, as the user pasting it would get. */
    static String[] shellWords(String command) throws IOException, InterruptedException {
        Process shell = new ProcessBuilder("sh", "-c", "printf '%s\\0' " + command).start();
        String words = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).isZero();
        return words.split("\0");
    }
}
