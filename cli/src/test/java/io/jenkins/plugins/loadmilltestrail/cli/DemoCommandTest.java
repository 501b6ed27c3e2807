package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path dir;

    /** Ports and TestRail ids differ from run to run; "…" in the docs stands for anything. */
    private static String normalized(String line) {
        return line.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT").replaceAll("\\b([CR])\\d+\\b", "$1N")
                .replaceAll("/view/\\d+", "/view/N").stripTrailing();
    }

    @Test
    void theOutputDocsCliMdShowsIsWhatTheDemoPrints() {
        String shown = DocExamples.of(Path.of("..", "docs", "cli.md")).under("Try it: `demo`", "").get(0).text();
        Result result = CliRunner.run(Map.of(), "demo", "--dir", dir.resolve("demo").toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        // The docs show the default --dir, a folder in the working directory.
        java.util.List<String> printed = result.all().replace(dir.resolve("demo").toString(), "loadmill-testrail-demo")
                .lines().map(DemoCommandTest::normalized).toList();

        for (String line : shown.lines().map(DemoCommandTest::normalized).filter(l -> !l.isBlank() && !l.strip().equals("…")).toList()) {
            Pattern pattern = Pattern.compile(java.util.Arrays.stream(line.split("…", -1)).map(Pattern::quote)
                    .collect(java.util.stream.Collectors.joining(".*")));
            assertThat(printed).as("the demo prints the docs' line %s", line).anyMatch(l -> pattern.matcher(l).matches());
        }
    }

    @Test
    void demoRunsExplainsAndWritesItsFiles() {
        Path demo = dir.resolve("demo");
        Result result = CliRunner.run(Map.of(), "demo", "--dir", demo.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("Loadmill runs API tests", "TestRail keeps test cases",
                "12 flows - 8 passed, 1 flaky, 3 did not pass", "7 cases created (1 suite, 3 sections), posted 12 results",
                "plan: http://127.0.0.1:", "Flows that did not pass (3)", "FAILED  Checkout / Pay with an expired card",
                "Files in " + demo, "TestRail API calls: 31, and 3 to check the settings before Loadmill ran");
        assertThat(result.out()).containsPattern("Checkout / Pay by card +PASSED +C\\d+ by name")
                .containsPattern("Search / Search by keyword +PASSED +C\\d+ created")
                .containsPattern("Checkout / Apply a discount code +FLAKY +C\\d+ created \\(flaky: failed, then passed on a retry\\)")
                .doesNotContain("Starting Loadmill", "suite Checkout: FAILED");
        assertThat(result.err()).as("progress goes to standard error").contains("Starting Loadmill", "suite Checkout: FAILED");
        assertThat(demo.resolve("loadmill-results.json")).isNotEmptyFile();
        assertThat(demo.resolve("loadmill-results.json.journal.json")).isNotEmptyFile();
        assertThat(demo.resolve("junit.xml")).isNotEmptyFile();
        assertThat(demo.resolve("summary.json")).isNotEmptyFile();
        assertThat(demo.resolve("loadmill-results.json.lock")).as("the publish lock, empty").isEmptyFile();
    }

    @Test
    void quietDemoSkipsTheExplanationsButShowsTheFlowsAndLinks() {
        Result result = CliRunner.run(Map.of(), "demo", "--quiet", "--dir", dir.resolve("demo").toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("TestRail plan: http://127.0.0.1:", "Flows that did not pass (3)",
                "Result: 12 flows").containsPattern("Checkout / Pay by card +PASSED +C\\d+ by name")
                .doesNotContain("Loadmill runs API tests", "What happened");
        assertThat(result.err()).doesNotContain("Starting Loadmill");
    }

    @Test
    void demoCanRunAgainInTheSameDirectory() {
        Path demo = dir.resolve("demo");
        assertThat(CliRunner.run(Map.of(), "demo", "--dir", demo.toString()).exitCode()).isZero();
        Result again = CliRunner.run(Map.of(), "demo", "--dir", demo.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("posted 12 results");
    }

    @Test
    void simulateServesTheDemoScenarioUntilInterrupted() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), false);
        Thread[] serving = new Thread[1];
        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> {
            serving[0] = Thread.currentThread();
            return Cli.execute(context, "simulate", "--loadmill-port", "0", "--testrail-port", "0");
        });
        Matcher ready = waitFor(out, Pattern.compile("export TESTRAIL_API_KEY=(\\S+)"));
        assertThat(ready.group(1)).isEqualTo(DemoScenario.TESTRAIL_KEY);
        Matcher plan = Pattern.compile("test plan \"Shop nightly\" id (\\S+)").matcher(out.toString());
        assertThat(plan.find()).isTrue();

        // The printed environment works for the CLI as it is.
        Map<String, String> env = new java.util.HashMap<>();
        Matcher exports = Pattern.compile("export (\\w+)=(\\S+)").matcher(out.toString());
        while (exports.find()) {
            env.put(exports.group(1), exports.group(2));
        }
        Result run = CliRunner.run(env, "run", "--test-plan", plan.group(1), "--project", DemoScenario.PROJECT,
                "--auto-create", "--poll-interval", "20ms", "--requests-per-minute", "60000",
                "--results", dir.resolve("r.json").toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);

        // The seeded suites run on their own too, so --suite can be tried.
        Matcher suite = Pattern.compile("test suite \"Checkout\" id (\\S+)").matcher(out.toString());
        assertThat(suite.find()).as(out.toString()).isTrue();
        assertThat(out.toString()).contains("run --suite ");
        Result suiteRun = CliRunner.run(env, "run", "--suite", suite.group(1), "--project", DemoScenario.PROJECT,
                "--poll-interval", "20ms", "--requests-per-minute", "60000", "--results", dir.resolve("s.json").toString());
        assertThat(suiteRun.exitCode()).as(suiteRun.all()).isEqualTo(1);
        assertThat(suiteRun.out()).contains("Loadmill suite \"Checkout\": 4 flows - 2 passed, 1 flaky, 1 did not pass");

        serving[0].interrupt();
        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(err.toString()).contains("Simulators stopped.");
    }

    private static Matcher waitFor(StringWriter out, Pattern pattern) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Matcher m = pattern.matcher(out.toString());
            if (m.find()) {
                return m;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not printed: " + pattern + "\n" + out);
    }
}
