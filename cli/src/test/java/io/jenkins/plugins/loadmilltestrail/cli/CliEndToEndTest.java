package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.Launch;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** run, publish and plan against both simulators over real HTTP, seeded with the demo scenario. */
class CliEndToEndTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The usual flags: fast polling, no client-side rate limit, quick give-up on TestRail errors. */
    private Result cli(String command, String... args) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(List.of(args));
        if (!all.contains("--poll-interval") && (all.contains("--test-plan") || all.contains("--suite"))) {
            all.addAll(List.of("--poll-interval", "20ms"));
        }
        all.addAll(List.of("--requests-per-minute", "60000", "--testrail-retry-wait", "100ms"));
        return CliRunner.run(env, all.toArray(String[]::new));
    }

    private Result runDemoPlan(String... more) {
        List<String> args = new ArrayList<>(List.of("--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--auto-create", "--results", results.toString()));
        args.addAll(List.of(more));
        return cli("run", args.toArray(String[]::new));
    }

    @Test
    void allFlowsPassedAndPublishedExitsZero() {
        TestPlanScenario smoke = loadmill.addTestPlan("Smoke")
                .suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card"));
        Result result = cli("run", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT, "--results", results.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("2 flows, 2 passed, 0 flaky, 0 did not pass; posted 2 results");
        assertThat(testRail.runs()).hasSize(1);
        assertThat(testRail.results(testRail.runs().get(0).id())).hasSize(2);
    }

    @Test
    void controlCharactersInLoadmillNamesReachNeitherTheConsoleNorTestRail() {
        TestPlanScenario hostile = loadmill.addTestPlan("Smoke\u001B]0;pwned\u0007 build")
                .suite("Check\u001B[31mout", s -> s.passed("Pay\u001B]0;pwned\u0007 by card")
                        .failedWithError("Refund\r\nFinished: SUCCESS", "boom"));

        Result result = cli("run", "--test-plan", hostile.id(), "--project", DemoScenario.PROJECT, "--auto-create",
                "--verbose", "--results", results.toString());

        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.all()).contains("  suite Check\uFFFD[31mout: FAILED\n")
                .contains("FAILED  Check\uFFFD[31mout / Refund  Finished: SUCCESS: boom");
        assertThat(result.all().replace("\n", "").chars().filter(Character::isISOControl).toArray())
                .as(result.all()).isEmpty();
        assertThat(testRail.runs()).hasSize(1);
        assertThat(testRail.cases(testRail.runs().get(0).suiteId())).extracting(c -> c.title())
                .containsExactly("Pay\uFFFD]0;pwned\uFFFD by card", "Refund Finished: SUCCESS");
    }

    @Test
    void loadmillOptionsReachTheLaunchRequest() {
        Result result = runDemoPlan("--labels", "smoke,api", "--labels", "checkout", "--labels-expression", "smoke & !slow",
                "--parallel", "3", "--pool", "eu-agents", "--branch", "release/7", "--param", "host=staging.example.com",
                "--param", "user=ci", "--additional-description", "build 42", "--tag", "nightly",
                "--retry-failed-flows", "2");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        Launch launch = loadmill.launches().get(0);
        assertThat(launch.definitionId()).isEqualTo(demo.testPlanId());
        assertThat(launch.list("labels")).containsExactly("smoke", "api", "checkout");
        assertThat(launch.field("labelsExpression")).contains("smoke & !slow");
        assertThat(launch.field("parallel")).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("3"));
        assertThat(launch.field("pool")).contains("eu-agents");
        assertThat(launch.field("branch")).contains("release/7");
        assertThat(launch.overrideParameters()).containsExactly(Map.entry("host", "staging.example.com"), Map.entry("user", "ci"));
        assertThat(launch.field("additionalDescription")).contains("build 42");
        assertThat(launch.list("tags")).containsExactly("nightly");
        assertThat(launch.field("maxFlakyFlowRetries")).hasValueSatisfying(v -> assertThat(v.toString()).isEqualTo("2"));
        // Matching uses the suites' own names, not the descriptions with "build 42" appended.
        assertThat(result.out()).contains("5 flows matched existing cases");
    }

    @Test
    void runNameFromCiVariablesStatusMapAndCloseRun() {
        env = new HashMap<>(env);
        env.putAll(Map.of("GITHUB_ACTIONS", "true", "GITHUB_REPOSITORY", "acme/shop", "GITHUB_WORKFLOW", "api",
                "GITHUB_RUN_NUMBER", "77", "GITHUB_RUN_ID", "9001", "GITHUB_SERVER_URL", "https://github.com"));
        Result result = runDemoPlan("--run-name", "${JOB_NAME} #${BUILD_NUMBER}", "--status-map", "FLAKY=Retest", "--close-run");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(testRail.plans()).singleElement().satisfies(plan -> {
            assertThat(plan.name()).isEqualTo("acme/shop/api #77");
            assertThat(plan.description()).contains("https://github.com/acme/shop/actions/runs/9001");
            assertThat(plan.completed()).isTrue();
        });
        int retest = 4;
        assertThat(testRail.runs().stream().flatMap(r -> testRail.results(r.id()).stream()))
                .filteredOn(r -> r.statusId() == retest).hasSize(1);
    }

    @Test
    void unknownRunNameVariableListsTheKnownOnes() {
        Result result = runDemoPlan("--run-name", "${NIGHTLY_TAG} run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("${NIGHTLY_TAG}", "${LOADMILL_NAME}");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void suitesCanRunWithoutAPlan() {
        String search = loadmill.addTestSuite("Search", s -> s.passed("Search by keyword")).id();
        String checkout = loadmill.addTestSuite("Checkout", s -> s.passed("Add item to cart")).id();
        Result result = cli("run", "--suite", search, "--suite", checkout, "--project", DemoScenario.PROJECT, "--auto-create",
                "--results", results.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Loadmill 2 suites: 2 flows - 2 passed");
        assertThat(testRail.plans()).hasSize(1);
    }

    @Test
    void existingRunReceivesTheResultsInsteadOfANewRun() {
        TestPlanScenario smoke = loadmill.addTestPlan("Smoke")
                .suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card"));
        assertThat(cli("run", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT, "--results",
                results.toString()).exitCode()).isZero();
        long runId = testRail.runs().get(0).id();

        Result again = cli("run", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT, "--existing-run", "R" + runId,
                "--results", dir.resolve("second.json").toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(testRail.runs()).hasSize(1);
        assertThat(testRail.results(runId)).hasSize(4);
    }

    @Test
    void failedFlowsArePublishedAndExitOneWithSummaryAndFiles() throws IOException {
        Path summary = dir.resolve("summary.json");
        Path junit = dir.resolve("junit.xml");
        Result result = runDemoPlan("--junit", junit.toString(), "--summary", summary.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.err()).contains("Saved the results to " + results, "suite Checkout: FAILED");
        assertThat(result.out()).contains("5 flows matched existing cases, 7 cases created (1 suite, 3 sections), posted 12 results",
                "FAILED  Checkout / Pay with an expired card");
        assertThat(results).exists();
        assertThat(junit).exists();
        assertThat(PublishJournal.besides(results)).exists();

        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("exitCode").asInt()).isEqualTo(1);
        assertThat(json.path("loadmill").path("flows").path("total").asInt()).isEqualTo(12);
        assertThat(json.path("loadmill").path("flows").path("failed").asInt()).isEqualTo(3);
        assertThat(json.path("testRail").path("createdCases").asInt()).isEqualTo(7);
        assertThat(json.path("testRail").path("postedResults").asInt()).isEqualTo(12);
        assertThat(json.path("testRail").path("runs")).hasSize(3);
        assertThat(json.path("testRail").path("planUrl").asText()).startsWith(testRail.url() + "index.php?/plans/view/");
        assertThat(json.path("calls").path("total").asLong()).isPositive();
        assertThat(testRail.plans()).hasSize(1);
    }

    @Test
    void verboseOutputAndEveryWrittenFileKeepSecretsOut() throws IOException {
        Path summary = dir.resolve("summary.json");
        Result result = runDemoPlan("--verbose", "--junit", dir.resolve("junit.xml").toString(), "--summary", summary.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        List<String> texts = new ArrayList<>(List.of(result.all()));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(texts).hasSizeGreaterThanOrEqualTo(5).allSatisfy(text -> assertThat(text)
                .doesNotContain(DemoScenario.LOADMILL_TOKEN).doesNotContain(DemoScenario.TESTRAIL_KEY));
    }

    @Test
    void wrongLoadmillTokenExitsThreeAndPublishesNothing() {
        env = new HashMap<>(env);
        env.put("LOADMILL_API_TOKEN", "not-the-token");
        Result result = runDemoPlan();
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("error: ").doesNotContain("not-the-token").doesNotContain("Exception");
        assertThat(testRail.runs()).isEmpty();
        assertThat(testRail.plans()).isEmpty();
    }

    @Test
    void loadmillTimeoutExitsThreeAndStopsTheRun() {
        TestPlanScenario stuck = loadmill.addTestPlan("Stuck").suite("Checkout", s -> s.passed("Pay by card")).neverFinishes();
        Result result = cli("run", "--test-plan", stuck.id(), "--project", DemoScenario.PROJECT, "--results", results.toString(),
                "--poll-interval", "20ms", "--timeout", "300ms");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(loadmill.stops()).isNotEmpty();
        assertThat(testRail.plans()).isEmpty();
        assertThat(testRail.runs()).isEmpty();
    }

    /** A run that collects nothing must not leave the previous run's files to be taken for its own. */
    @Test
    void aTimedOutRunLeavesNoEarlierResultsAndItsSummaryListsOnlyWhatItWrote() throws IOException {
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.json");
        assertThat(runDemoPlan("--junit", junit.toString()).exitCode()).isEqualTo(1);
        assertThat(results).exists();
        assertThat(PublishJournal.besides(results)).exists();
        TestPlanScenario stuck = loadmill.addTestPlan("Stuck").suite("Checkout", s -> s.passed("Pay by card")).neverFinishes();

        Result result = cli("run", "--test-plan", stuck.id(), "--project", DemoScenario.PROJECT, "--results", results.toString(),
                "--junit", junit.toString(), "--summary", summary.toString(), "--timeout", "300ms");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(results).as("the earlier run's results").doesNotExist();
        assertThat(PublishJournal.besides(results)).doesNotExist();
        assertThat(junit).doesNotExist();
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("files").properties()).extracting(Map.Entry::getKey).containsExactly("summary");
        assertThat(result.err()).contains("error: " + json.path("error").asText());
        Result publish = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT);
        assertThat(publish.exitCode()).as("a later publish step finds nothing to publish").isEqualTo(2);
        assertThat(testRail.plans()).as("the earlier run was published once").hasSize(1);
    }

    @Test
    void anInterruptedRunLeavesNoEarlierResultsAndSaysInterrupted() throws Exception {
        Path summary = dir.resolve("summary.json");
        assertThat(runDemoPlan().exitCode()).isEqualTo(1);
        TestPlanScenario stuck = loadmill.addTestPlan("Stuck").suite("Checkout", s -> s.passed("Pay by card")).neverFinishes();
        java.util.concurrent.atomic.AtomicReference<Result> interrupted = new java.util.concurrent.atomic.AtomicReference<>();
        Thread command = new Thread(() -> interrupted.set(cli("run", "--test-plan", stuck.id(), "--project",
                DemoScenario.PROJECT, "--results", results.toString(), "--summary", summary.toString())));
        command.start();
        while (loadmill.launches().size() < 2) {
            Thread.sleep(10);
        }
        command.interrupt(); // what Ctrl-C does (Main's shutdown hook)
        command.join(20_000);

        assertThat(interrupted.get().exitCode()).as(interrupted.get().all()).isEqualTo(130);
        assertThat(results).doesNotExist();
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("error").asText()).isEqualTo("Interrupted.");
        assertThat(interrupted.get().err()).contains("Interrupted.");
        assertThat(json.path("files").properties()).extracting(Map.Entry::getKey).containsExactly("summary");
    }

    @Test
    void wrongTestRailKeyExitsFourBeforeLoadmillRuns() {
        env = new HashMap<>(env);
        env.put("TESTRAIL_API_KEY", "wrong-key");
        Result result = runDemoPlan();
        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.err()).contains("error: ").doesNotContain("wrong-key");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void aTricklingTestRailEndsWithinTheCallTimeoutAndTheRetryWait() {
        // One byte every 50 ms keeps within any read timeout; the call timeout from the
        // environment ends each attempt, and the retry wait (100 ms, see cli()) ends the call.
        testRail.faults().always("get_projects", Fault.trickle(Duration.ofMillis(50)));
        env = new HashMap<>(env);
        env.put("TESTRAIL_CALL_TIMEOUT", "500ms");
        long start = System.nanoTime();

        Result result = runDemoPlan("--testrail-read-timeout", "5s", "--testrail-connect-timeout", "2s");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(4);
        assertThat(result.err()).contains("no complete answer within the call timeout of 500 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        assertThat(results).exists();
    }

    @Test
    void malformedTimeoutsAreUsageErrorsNamingTheirSource() {
        Result flag = runDemoPlan("--loadmill-call-timeout", "5x");
        assertThat(flag.exitCode()).as(flag.all()).isEqualTo(2);
        assertThat(flag.err()).contains("--loadmill-call-timeout");

        env = new HashMap<>(env);
        env.put("LOADMILL_READ_TIMEOUT", "30");
        Result variable = runDemoPlan();
        assertThat(variable.exitCode()).as(variable.all()).isEqualTo(2);
        assertThat(variable.err()).contains("LOADMILL_READ_TIMEOUT", "30s");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void unknownProjectExitsTwoBeforeLoadmillRuns() {
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", "No such project", "--results", results.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("No such project", "--project", "Loadmill was not started");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(results).doesNotExist();
    }

    @Test
    void quietKeepsTheLinksTheFlowsThatDidNotPassAndTheResultLine() {
        Result result = runDemoPlan("--quiet");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(result.out()).contains("Loadmill run: " + loadmill.url(), "TestRail plan: " + testRail.url(),
                "TestRail run R", "Flows that did not pass (3):", "FAILED  Checkout / Pay with an expired card")
                .doesNotContain("flows matched", "TestRail API calls");
        assertThat(result.out().strip()).endsWith(
                "Result: 12 flows, 8 passed, 1 flaky, 3 did not pass; posted 12 results to TestRail.");
        assertThat(result.err()).doesNotContain("Starting Loadmill", "suite Checkout");
    }

    @Test
    void aFailedCommandStillWritesItsSummary() throws IOException {
        Path summary = dir.resolve("summary.json");
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", "No such project", "--results",
                results.toString(), "--summary", summary.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("exitCode").asInt()).isEqualTo(2);
        assertThat(json.path("error").asText()).contains("No such project");
        assertThat(json.path("files").properties()).extracting(Map.Entry::getKey).containsExactly("summary");
    }

    @Test
    void theSummaryIsReplacedWholeNeverRewrittenInPlace() throws IOException {
        Path summary = dir.resolve("summary.json");
        String previous = "{\"exitCode\":0,\"error\":\"" + "an earlier build's summary ".repeat(400) + "\"}\n";
        Files.writeString(summary, previous);
        try (var reader = Files.newInputStream(summary)) {
            Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", "No such project", "--results",
                    results.toString(), "--summary", summary.toString());
            assertThat(result.exitCode()).as(result.all()).isEqualTo(2);

            assertThat(new String(reader.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("a step that opened the old summary reads it whole").isEqualTo(previous);
        }
        assertThat(JSON.readTree(summary.toFile()).path("error").asText()).contains("No such project");
        try (Stream<Path> listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void testRailCutAfterCollectionIsFinishedByPublishWithoutDuplicates() {
        testRail.faults().always("add_results_for_cases", Fault.status(503, "{\"error\":\"Service unavailable\"}"));
        Result cut = runDemoPlan();
        assertThat(cut.exitCode()).as(cut.all()).isEqualTo(4);
        assertThat(cut.err()).contains("kept in " + results, "loadmill-testrail publish --results " + results);
        assertThat(testRail.plans()).hasSize(1);
        int cases = testRail.suites(projectId()).stream().mapToInt(s -> testRail.cases(s.id()).size()).sum();

        testRail.faults().clearFaults();
        Result resumed = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(1);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.plans()).hasSize(1);
        assertThat(testRail.suites(projectId()).stream().mapToInt(s -> testRail.cases(s.id()).size()).sum()).isEqualTo(cases);
        assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(12);

        Result again = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
        assertThat(testRail.runs().stream().mapToInt(r -> testRail.results(r.id()).size()).sum()).isEqualTo(12);
    }

    @Test
    void aPublishOfAFileAnotherPublishHoldsExitsTwoAndWritesNothing() throws IOException {
        Result run = runDemoPlan();
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        int calls = testRail.faults().totalCount();
        Path summary = dir.resolve("summary.json");
        try (var held = java.nio.channels.FileChannel.open(dir.resolve("results.json.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                var lock = held.lock()) {
            Result second = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT,
                    "--auto-create", "--lock-wait", "300ms", "--summary", summary.toString());

            assertThat(second.exitCode()).as(second.all()).isEqualTo(2);
            assertThat(second.err()).contains("error: Another publish of the results file " + results
                    + " is still running", "wrote nothing to TestRail");
        }
        assertThat(testRail.faults().totalCount()).as("no TestRail call").isEqualTo(calls);
        assertThat(JSON.readTree(summary.toFile()).path("exitCode").asInt()).isEqualTo(2);
    }

    @Test
    void aFlowPinnedToAMissingCaseIsRefusedAndTheOthersArePublished() throws IOException {
        TestPlanScenario smoke = loadmill.addTestPlan("Smoke")
                .suite("Checkout", s -> s.passed("Add item to cart").passed("Pay by card C999999"));
        Path summary = dir.resolve("summary.json");

        Result result = cli("run", "--test-plan", smoke.id(), "--project", DemoScenario.PROJECT, "--results",
                results.toString(), "--summary", summary.toString());

        assertThat(result.exitCode()).as("something needs attention: " + result.all()).isEqualTo(4);
        assertThat(testRail.runs()).singleElement()
                .satisfies(r -> assertThat(testRail.results(r.id())).hasSize(1));
        JsonNode json = JSON.readTree(summary.toFile());
        assertThat(json.path("rejected").get(0).asText()).startsWith("Checkout / Pay by card C999999: pinned to C999999");
        assertThat(json.path("testRail").path("postedResults").asInt()).isEqualTo(1);
    }

    @Test
    void planFromSavedResultsWritesNothingToTestRail() {
        assertThat(cli("plan", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT, "--results",
                results.toString()).exitCode()).isZero();

        Result plan = cli("plan", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("Pay with an expired card", "planned 12 results");
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.callCounts().keySet()).noneMatch(CliEndToEndTest::isWrite);
    }

    @Test
    void planCanRunLoadmillFirstAndPublishThenPostsThoseResults() {
        Result plan = cli("plan", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT, "--auto-create",
                "--results", results.toString());
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(results).exists();
        assertThat(testRail.plans()).isEmpty();
        assertThat(testRail.callCounts().keySet()).noneMatch(CliEndToEndTest::isWrite);

        Result publish = cli("publish", "--results", results.toString(), "--project", DemoScenario.PROJECT, "--auto-create");
        assertThat(publish.exitCode()).as(publish.all()).isEqualTo(1);
        assertThat(loadmill.launches()).hasSize(1);
        assertThat(testRail.plans()).hasSize(1);
    }

    @Test
    void publishWithAMissingResultsFileIsAConfigurationError() {
        Result result = cli("publish", "--results", dir.resolve("nope.json").toString(), "--project", DemoScenario.PROJECT);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nope.json does not exist");
    }

    @Test
    void malformedCaseMapIsAUsageErrorBeforeAnyCall() {
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT,
                "--case-map", "Checkout/Pay by card=CX12");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: --case-map: ", "CX12", "See `loadmill-testrail run --help`");
        assertThat(loadmill.launches()).isEmpty();
        assertThat(testRail.callCounts()).isEmpty();
    }

    @Test
    void pinnedCasesFromAFileAreUsedWithMatchById() throws IOException {
        long payByCard = testRail.suites(projectId()).stream().flatMap(s -> testRail.cases(s.id()).stream())
                .filter(c -> c.title().equals("Pay by card")).findFirst().orElseThrow().id();
        Path pins = dir.resolve("pins.txt");
        Files.writeString(pins, "# pinned flows\nCheckout/Pay by card=C" + payByCard + "\n");
        Result result = cli("run", "--test-plan", demo.testPlanId(), "--project", DemoScenario.PROJECT, "--match", "ID",
                "--case-map-file", pins.toString(), "--results", results.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
        assertThat(testRail.runs()).hasSize(1);
        assertThat(testRail.results(testRail.runs().get(0).id())).hasSize(1);
    }

    private long projectId() {
        return testRail.projects().stream().filter(p -> p.name().equals(DemoScenario.PROJECT)).findFirst().orElseThrow().id();
    }

    private static boolean isWrite(String apiMethod) {
        return apiMethod.startsWith("add_") || apiMethod.startsWith("update_") || apiMethod.startsWith("close_");
    }
}
