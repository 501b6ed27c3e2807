package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.cli.CliRunner.Result;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimConfigGroup;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlanEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, items 2, 6 and 7 end to end: {@code --configuration} puts the runs into plan
 * configurations; several jobs (one per configuration, or racing on the same one) publish into one
 * {@code --existing-plan} without duplicate entries or lost results; closing is idempotent.
 */
class CliPlanConfigurationsTest extends DemoServicesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private long projectId;
    private long staging;
    private long production;

    @BeforeEach
    void seedConfigurations() {
        projectId = testRail.projects().stream().filter(p -> p.name().equals(DemoScenario.PROJECT)).findFirst()
                .orElseThrow().id();
        testRail.addConfigGroup(projectId, "Browser", "Chrome", "Firefox");
        SimConfigGroup environment = testRail.addConfigGroup(projectId, "Environment", "Staging", "Production");
        staging = environment.configs().get(0).id();
        production = environment.configs().get(1).id();
    }

    /** {@code run} of the demo plan into project Shop; {@code name} names its results and summary files. */
    private Result run(Map<String, String> environment, String name, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--poll-interval", "20ms",
                "--requests-per-minute", "60000", "--project", DemoScenario.PROJECT, "--fail-on", "never",
                "--results", dir.resolve(name + ".json").toString(),
                "--summary", dir.resolve(name + "-summary.json").toString()));
        if (!List.of(more).contains("--suite")) {
            args.addAll(List.of("--test-plan", demo.testPlanId()));
        }
        args.addAll(List.of(more));
        return CliRunner.run(environment, args.toArray(String[]::new));
    }

    private JsonNode summary(String name) throws Exception {
        return JSON.readTree(dir.resolve(name + "-summary.json").toFile());
    }

    /** Creates the missing suites and cases once, so that later publishes only match. */
    private void createCases() {
        Result first = run(env, "setup", "--auto-create");
        assertThat(first.exitCode()).as(first.all()).isZero();
    }

    private SimPlan plan(long id) {
        return testRail.plan(id).orElseThrow();
    }

    /** The runs of the plan with exactly this configuration. */
    private List<Long> runsWith(SimPlan plan, long configId) {
        return plan.entries().stream().flatMap(e -> e.runIds().stream())
                .filter(r -> testRail.runConfigIds(r).equals(List.of(configId))).toList();
    }

    private int results(List<Long> runs) {
        return runs.stream().mapToInt(r -> testRail.results(r).size()).sum();
    }

    @Test
    void twoEnvironmentsLandInOnePlanOneRunPerConfigurationWithoutDuplicates() throws Exception {
        createCases();
        long planId = testRail.project(projectId).addPlan("Release 9").id();

        Result first = run(env, "staging", "--existing-plan", "P" + planId, "--configuration", "Environment/Staging");
        assertThat(first.exitCode()).as(first.all()).isZero();
        // The variable and the config file set it as well as the flag.
        Map<String, String> withVariable = new HashMap<>(env);
        withVariable.put("LOADMILL_TESTRAIL_CONFIGURATION", "Production");
        Result second = run(withVariable, "production", "--existing-plan", "P" + planId);
        assertThat(second.exitCode()).as(second.all()).isZero();

        SimPlan plan = plan(planId);
        assertThat(plan.entries()).hasSize(2 * demo.suites());
        assertThat(runsWith(plan, staging)).hasSize(demo.suites());
        assertThat(runsWith(plan, production)).hasSize(demo.suites());
        assertThat(results(runsWith(plan, staging))).isEqualTo(demo.flows());
        assertThat(results(runsWith(plan, production))).isEqualTo(demo.flows());
        assertThat(testRail.run(runsWith(plan, staging).get(0)).orElseThrow().planId()).isEqualTo(planId);

        // Staging again (a later build, from a config file): the same runs, no new entry.
        Path config = dir.resolve("ci.yml");
        Files.writeString(config, "configuration:\n  - " + staging + "\n");
        Result again = run(env, "staging-again", "--existing-plan", "P" + planId, "--config", config.toString());
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(plan(planId).entries()).hasSize(2 * demo.suites());
        assertThat(results(runsWith(plan(planId), staging))).isEqualTo(2 * demo.flows());

        JsonNode calls = summary("staging-again").path("calls");
        assertThat(calls.path("preflight").path("byMethod").path("get_configs").asLong()).isEqualTo(1);
        assertThat(calls.path("byMethod").path("get_configs").asLong()).isEqualTo(1);
        assertThat(calls.path("byMethod").has("add_plan_entry")).isFalse();
    }

    @Test
    void aNewPlanGetsRunsWithTheConfigurationsEvenForOneSuite() throws Exception {
        createCases();
        Result result = run(env, "new", "--suite", demo.suiteIds().get("Checkout"), "--configuration", "Browser/Chrome",
                "--configuration", "Environment/Staging");
        assertThat(result.exitCode()).as(result.all()).isZero();
        long planId = summary("new").path("testRail").path("planId").asLong();
        SimPlanEntry entry = plan(planId).entries().get(0);
        assertThat(plan(planId).entries()).hasSize(1);
        assertThat(testRail.runConfigIds(entry.runIds().get(0))).hasSize(2).contains(staging);
    }

    @Test
    void anUnknownConfigurationStopsTheRunBeforeLoadmillListingWhatExists() {
        Result result = run(env, "unknown", "--configuration", "Environment/Stagin", "--configuration", "Chrome",
                "--configuration", "Firefox");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("The TestRail configuration (--configuration) 'Environment/Stagin' is not in "
                + "project 'Shop'; it has Browser/Chrome, Browser/Firefox, Environment/Staging, Environment/Production",
                "Browser/Chrome and Browser/Firefox are of one group", "error: Loadmill was not started");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void aConfigurationWithAnExistingRunIsAUsageError() {
        Result result = run(env, "usage", "--existing-run", "R5", "--configuration", "Chrome");
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("apply to runs of a test plan");
        assertThat(loadmill.launches()).isEmpty();
    }

    @Test
    void parallelJobsPublishIntoOnePlanWithoutDuplicateEntriesOrLostResults() throws Exception {
        createCases();
        long planId = testRail.project(projectId).addPlan("Release 9").id();
        // Four jobs at once: two per environment (a matrix cell and its retry, or two shards).
        List<String> configs = List.of("Environment/Staging", "Environment/Production", "Environment/Staging",
                "Environment/Production");
        ExecutorService pool = Executors.newFixedThreadPool(configs.size());
        try {
            List<Future<Result>> jobs = new ArrayList<>();
            for (int i = 0; i < configs.size(); i++) {
                String name = "job" + i;
                String config = configs.get(i);
                jobs.add(pool.submit(() -> run(env, name, "--existing-plan", "P" + planId, "--configuration", config)));
            }
            for (Future<Result> job : jobs) {
                Result result = job.get();
                assertThat(result.exitCode()).as(result.all()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        SimPlan plan = plan(planId);
        assertThat(runsWith(plan, staging)).as("one run per suite and configuration").hasSize(demo.suites());
        assertThat(runsWith(plan, production)).hasSize(demo.suites());
        assertThat(plan.entries()).hasSize(2 * demo.suites());
        assertThat(results(runsWith(plan, staging))).as("both jobs' results").isEqualTo(2 * demo.flows());
        assertThat(results(runsWith(plan, production))).isEqualTo(2 * demo.flows());
    }

    @Test
    void closingAPlanAnEarlierAttemptAlreadyClosedIsSuccess() throws Exception {
        createCases();
        // The close is stored, but its answer is lost (a 500 after commit): reading the plan back shows it closed.
        testRail.faultsAfterCommit().onCall("close_plan", 1,
                io.jenkins.plugins.loadmilltestrail.simulator.Fault.status(500, "{\"error\":\"boom\"}"));
        Result result = run(env, "close", "--configuration", "Staging", "--close-run");
        assertThat(result.exitCode()).as(result.all()).isZero();
        long planId = summary("close").path("testRail").path("planId").asLong();
        assertThat(plan(planId).completed()).isTrue();
        assertThat(testRail.callCounts()).containsEntry("close_plan", 1);
    }
}
