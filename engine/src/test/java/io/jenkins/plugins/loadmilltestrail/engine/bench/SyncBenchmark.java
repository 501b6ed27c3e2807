package io.jenkins.plugins.loadmilltestrail.engine.bench;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailSync;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimConfigGroup;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.OkHttpClient;

/**
 * Publishes 10,000 Loadmill flows into a simulated TestRail suite of 20,000 cases (all matched by
 * name), then the same with 500 flows that have no case yet (auto-create), at 20 ms latency per
 * call; and, third, 10,000 flows of which 100 failed, published with every issue-12 feature at once: a
 * run description, references, a value for a required result field (dropdown custom_environment), a
 * plan configuration (Environment/Staging: a new plan whose one entry runs with it), failed tests
 * assigned to a user and each failed flow's evidence attached. Its formula: the all-matched publish's
 * calls (get_result_fields 1 included, as in every publish) with add_plan in place of add_run, plus
 * get_configs 1 and get_user_by_email 1, plus one add_attachment_to_result per failed flow;
 * description, refs and the field's value cost no call.
 * Prints TestRail calls per method, wall time, peak heap, and the trcli formula's call count
 * (reference §10.2) for the same work. Then three publishes of the 10,000 flows sharing a case cache
 * (issue 13): the first reads the suite in full, the second after 30 edited and 5 new cases reads
 * only those, the third after a flow's case was deleted recovers with a full read. Asserts nothing. Run: {@code scripts/benchmark SyncBenchmark}
 * (own JVM, -Xmx256m); details in docs/matching.md, "Benchmark".
 */
public final class SyncBenchmark {
    private static final int CASES = 20_000;
    private static final int SECTIONS = 40;
    private static final int FLOWS = 10_000;
    private static final int NEW_CASES = 500;
    private static final Duration LATENCY = Duration.ofMillis(20);
    private static final String SUITE = "Checkout API";
    /** Failed flows of the evidence scenario (every 100th), each with an attachment. */
    private static final int EVIDENCE_FAILED = 100;

    private SyncBenchmark() {}

    public static void main(String[] args) throws Exception {
        System.out.printf("SyncBenchmark: %,d flows, TestRail suite of %,d cases in %d sections, %d ms latency per call%n%n",
                FLOWS, CASES, SECTIONS, LATENCY.toMillis());
        long matched = scenario("all matched", 0, false);
        long created = scenario(NEW_CASES + " new cases (auto-create)", NEW_CASES, false);
        System.out.printf("Extra calls for %d new cases: %d%n%n", NEW_CASES, created - matched);
        long evidence = scenario("description, refs, result field, configuration, assignee, evidence and attachments ("
                + EVIDENCE_FAILED + " failed flows)", 0, true);
        System.out.printf("Extra calls for description, refs, result field, configuration, assignee and %d attachments:"
                + " %d   (formula: description 0 + refs 0 + result field 0 (get_result_fields 1 is in every publish) +"
                + " get_configs 1 + get_user_by_email 1 + %d failed x 1 add_attachment_to_result = %d)%n%n",
                EVIDENCE_FAILED, evidence - matched, EVIDENCE_FAILED, 2 + EVIDENCE_FAILED);
        caseCache();
    }

    /**
     * Issue 13: three nightly publishes of the 10,000 flows against one simulator, sharing a case
     * cache: the first reads the suite in full, the second (after 30 cases were edited and 5 added)
     * reads only the changed cases, the third (after a case used by a flow was deleted) is refused
     * by add_run, reads the suite in full and still posts every result exactly once.
     */
    private static void caseCache() throws Exception {
        System.out.println("== case cache: three publishes against one TestRail, sharing the cache");
        try (TestRailSimulator sim = TestRailSimulator.start()) {
            sim.addUser("bench@example.com", "bench-key");
            ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
            SuiteSeed suite = project.addSuite(SUITE);
            List<SimCase> cases = new ArrayList<>();
            SectionSeed first = null;
            for (int s = 1; s <= SECTIONS; s++) {
                SectionSeed section = suite.addSection("Area " + s);
                first = first == null ? section : first;
                cases.addAll(section.addCases("Area " + s + " flow", CASES / SECTIONS));
            }
            sim.setLatency(LATENCY);
            TestRailSettings settings = TestRailSettings.of(sim.url(), "bench@example.com", "bench-key")
                    .withRequestsPerMinute(1_000_000);
            OkHttpClient okHttp = new OkHttpClient();
            TestRailClient client = new TestRailClient(settings, okHttp, ProgressListener.SILENT);
            // Auto-create on: the flow whose case is deleted before the third publish gets a new case.
            PublishSettings publish = PublishSettings.builder().project("Checkout").autoCreate(true).build();
            Path dir = Files.createTempDirectory("sync-bench-cache");
            CaseCache cache = CaseCache.at(dir.resolve("case-cache.json"));
            long trcli = trcli(0);

            long one = cachedPublish(sim, client, publish, cache, dir, 1, "first publish (no cache yet: full read)",
                    "target: <= 126");

            sim.advanceClock(Duration.ofMinutes(5));
            for (int i = 0; i < 30; i++) {
                SimCase edited = cases.get(i * 613 % cases.size());
                sim.renameCase(edited.id(), edited.title()); // an edit that keeps the title
            }
            first.addCases("Added case", 5);
            long two = cachedPublish(sim, client, publish, cache, dir, 2,
                    "second publish (30 cases edited, 5 added since)", "target: <= ceil(10,000/250) + 6 = 46");

            sim.advanceClock(Duration.ofMinutes(5));
            SimCase deleted = cases.get(7); // "Area 1 flow 8", used by a flow
            sim.deleteCase(deleted.id());
            long three = cachedPublish(sim, client, publish, cache, dir, 3,
                    "third publish (case C" + deleted.id() + " of a flow deleted since)", "recovers with a full read");

            System.out.printf("  %-24s %6d / %d / %d   (trcli's formula: %d each)%n", "calls (1st/2nd/3rd)", one, two,
                    three, trcli);
            System.out.printf("  %-24s %6.0f s / %.0f s / %.0f s   (TestRail Cloud's limit, calls spread evenly; trcli: %.0f s each)%n%n",
                    "at 180 calls/min", one / 3.0, two / 3.0, three / 3.0, trcli / 3.0);
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
        }
    }

    private static long cachedPublish(TestRailSimulator sim, TestRailClient client, PublishSettings publish,
            CaseCache cache, Path dir, int night, String title, String target) throws Exception {
        CollectedResults results = results(0, "run-" + night);
        long start = System.nanoTime();
        PublishReport report = new TestRailSync(client, ProgressListener.SILENT, Clock.systemUTC()).withCaseCache(cache)
                .publish(results, publish, PublishJournal.open(dir.resolve("results-" + night + ".json.journal.json")));
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        long runId = report.runs().get(0).runId();
        List<SimResult> posted = sim.results(runId);
        long distinctCases = posted.stream().mapToLong(SimResult::caseId).distinct().count();
        System.out.println("  -- " + title);
        new java.util.TreeMap<>(report.callsByMethod()).forEach((method, count) -> System.out.printf("     %-21s %6d%n", method, count));
        System.out.printf("     %-21s %6d   (%s)%n", "TestRail calls", report.totalCalls(), target);
        System.out.printf("     %-21s %6.1f s (%d ms latency per call)%n", "wall time", wall.toMillis() / 1000.0,
                LATENCY.toMillis());
        System.out.printf("     %-21s %6d   in run R%d for %d cases (%s), %d case(s) created, %d run(s) in TestRail%n",
                "results", posted.size(), runId, distinctCases,
                posted.size() == distinctCases && posted.size() == FLOWS ? "every flow's result exactly once" : "CHECK",
                report.createdCases(), sim.runs().size());
        return report.totalCalls();
    }

    /** One publish into a fresh simulator; returns the TestRail calls it made. */
    private static long scenario(String title, int newCases, boolean evidence) throws Exception {
        try (TestRailSimulator sim = TestRailSimulator.start()) {
            sim.addUser("bench@example.com", "bench-key");
            sim.addUser("qa@example.com", "qa-key");
            ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
            SuiteSeed suite = project.addSuite(SUITE);
            for (int s = 1; s <= SECTIONS; s++) {
                suite.addSection("Area " + s).addCases("Area " + s + " flow", CASES / SECTIONS);
            }
            long staging = 0;
            if (evidence) {
                // A required dropdown result field (TestRail refuses results without it) and a configuration group.
                sim.addResultField("environment", "Environment", 6,
                        SimFieldConfig.globalConfig(true, "").withItems("1, Staging", "2, Production"));
                SimConfigGroup environment = sim.addConfigGroup(project.id(), "Environment", "Staging", "Production");
                staging = environment.configs().get(0).id();
            }
            CollectedResults results = evidence ? evidenceResults() : results(newCases);
            sim.setLatency(LATENCY);
            // Self-hosted TestRail has no rate limit; the client's own limiter is opened up to match.
            TestRailSettings settings = TestRailSettings.of(sim.url(), "bench@example.com", "bench-key")
                    .withRequestsPerMinute(1_000_000);
            OkHttpClient okHttp = new OkHttpClient();
            TestRailClient client = new TestRailClient(settings, okHttp, ProgressListener.SILENT);
            PublishSettings.Builder builder = PublishSettings.builder().project("Checkout").autoCreate(newCases > 0);
            if (evidence) {
                builder.variable("BUILD_URL", "https://ci.example.com/job/shop/482/").variable("GIT_COMMIT", "abc123")
                        .runDescription("Build ${BUILD_URL}\nLoadmill ${LOADMILL_URL}").runRefs("SHOP-12, ${GIT_COMMIT}")
                        .assignFailed("qa@example.com").attachFailures(true)
                        .resultField("custom_environment", "Staging").configuration("Environment/Staging");
            }
            PublishSettings publish = builder.build();
            Path dir = Files.createTempDirectory("sync-bench");

            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            PublishReport report = new TestRailSync(client, ProgressListener.SILENT, Clock.systemUTC())
                    .publish(results, publish, PublishJournal.open(dir.resolve("results.json.journal.json")));
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

            long target = ceil(CASES, 250) + ceil(FLOWS, 250) + 6;
            // The all-matched publish exactly: get_projects, get_suites, get_statuses, get_result_fields, get_cases
            // (pg), add_run (here add_plan), add_results_for_cases (one per 250 results).
            long base = 4 + pg(CASES) + 1 + ceil(FLOWS, 250);
            System.out.println("== " + title);
            new java.util.TreeMap<>(report.callsByMethod()).forEach((method, count) -> System.out.printf("  %-24s %6d%n", method, count));
            System.out.printf("  %-24s %6d   %s%n", "TestRail calls", report.totalCalls(), evidence
                    ? "(formula: get_projects 1 + get_suites 1 + get_statuses 1 + get_result_fields 1 + get_cases "
                            + pg(CASES) + " + add_plan 1 + add_results_for_cases " + ceil(FLOWS, 250)
                            + " + get_configs 1 + get_user_by_email 1 + " + EVIDENCE_FAILED
                            + " failed x 1 add_attachment_to_result = " + (base + 2 + EVIDENCE_FAILED) + ")"
                    : newCases == 0 ? "(target: <= ceil(20,000/250) + ceil(10,000/250) + 6 = " + target + ")"
                    : "(all-matched count + " + newCases + " add_case + get_case_fields + get_sections + add_section"
                            + " + get_sections and " + pg(newCases) + " get_cases reading the new section again)");
            if (evidence) {
                System.out.printf("  %-24s %6d   attachments stored, %d KB in all%n", "attachments",
                        sim.attachments().size(), sim.attachments().stream().mapToLong(a -> a.data().length).sum() / 1024);
                long runId = report.runs().get(0).runId();
                List<SimResult> posted = sim.results(runId);
                long withField = posted.stream().filter(r -> Integer.valueOf(1).equals(r.fields().get("custom_environment")))
                        .count();
                long assigned = posted.stream().filter(r -> sim.resultAssignee(r.id()) != 0).count();
                System.out.printf("  %-24s %6d   results in run R%d of plan P%d, configurations %s (Staging = %d); %d with"
                        + " custom_environment = 1 (Staging), %d assigned, refs '%s'%n", "plan run", posted.size(), runId,
                        report.planId().orElse(0), sim.runConfigIds(runId), staging, withField, assigned,
                        sim.runRefs(runId));
            }
            System.out.printf("  %-24s %6.1f s%n", "wall time", wall.toMillis() / 1000.0);
            System.out.printf("  %-24s %6d MB   (JVM heap, simulator with %,d cases included; target < 256 MB)%n",
                    "peak heap", peak / (1024 * 1024), CASES + newCases);
            System.out.printf("  %-24s %6d   posted, %d created cases, %d unmatched%n", "results",
                    report.postedResults(), report.createdCases(), report.unmatchedFlows().size());
            System.out.printf("  %-24s %6d   %s%n%n", "trcli (formula §10.2)",
                    trcli(newCases) + (evidence ? 1 + EVIDENCE_FAILED : 0), trcliTerms(newCases)
                            + (evidence ? " + get_user_by_email 1 + attachments " + EVIDENCE_FAILED : ""));
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
            return report.totalCalls();
        }
    }

    /**
     * trcli's count for the same upload (reference §10.2, auto matcher with -y, new run, default
     * batch 50): pg(P) + 1 + pg(S) + pg(M) + pg(E) + Cs + Cc + 1 + ⌈N/50⌉, with P = S = 1 and
     * E = the suite's sections (one more when a section must be created for new cases).
     */
    private static long trcli(int newCases) {
        return 1 + 1 + 1 + pg(CASES) + pg(SECTIONS) + (newCases > 0 ? 1 : 0) + newCases + 1 + ceil(FLOWS, 50);
    }

    private static String trcliTerms(int newCases) {
        return "= pg(P) 1 + case fields 1 + pg(S) 1 + pg(M) " + pg(CASES) + " + pg(E) " + pg(SECTIONS)
                + (newCases > 0 ? " + Cs 1 + Cc " + newCases : "") + " + add_run 1 + ceil(N/50) " + ceil(FLOWS, 50);
    }

    private static long pg(long items) {
        return Math.max(1, ceil(items, 250));
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * 10,000 matched flows, every 100th failed with a failure text and the evidence of its failed
     * request (a 2 KB response body), the others passed.
     */
    private static CollectedResults evidenceResults() {
        CollectedResults plain = results(0);
        List<FlowResult> flows = new ArrayList<>(FLOWS);
        String body = "{\"error\":\"" + "x".repeat(2_000) + "\"}";
        for (FlowResult f : plain.suites().get(0).flows()) {
            int i = Integer.parseInt(f.flowRunId().substring("flow-run-".length()));
            boolean failed = i % (FLOWS / EVIDENCE_FAILED) == 0;
            flows.add(new FlowResult(f.flowRunId(), f.name(), f.suiteName(), failed ? RunStatus.FAILED : RunStatus.PASSED,
                    f.lifecycleStatus(), 0, f.startTime(), f.endTime(), f.duration(),
                    failed ? "Create order - POST https://api.example.com/orders\nExpected: __status Equals 201 / Actual: 500"
                            : "", f.url(),
                    failed ? "=== Request #1: Create order ===\nPOST https://api.example.com/orders\nAuthorization: "
                            + "[hidden]\n\n{\"sku\":1}\n\n--- Response: 500 Internal Server Error ---\n\n" + body + "\n" : ""));
        }
        SuiteResult suite = plain.suites().get(0);
        return new CollectedResults(plain.kind(), plain.loadmillUrl(), "", "", "", "", RunStatus.FAILED,
                plain.startTime(), plain.endTime(), List.of(new SuiteResult(suite.suiteId(), suite.suiteRunId(),
                        suite.name(), suite.runDescription(), RunStatus.FAILED, "", suite.startTime(), suite.endTime(),
                        suite.url(), flows)));
    }

    /** 10,000 flows: 90 % passed, 8 % failed, 2 % flaky; the last {@code newCases} have no case yet. */
    private static CollectedResults results(int newCases) {
        return results(newCases, "run-1");
    }

    private static CollectedResults results(int newCases, String runId) {
        Instant now = Instant.now();
        List<FlowResult> flows = new ArrayList<>(FLOWS);
        int perSection = CASES / SECTIONS;
        for (int i = 0; i < FLOWS; i++) {
            String name = i >= FLOWS - newCases ? "New flow " + i
                    : "Area " + (i % SECTIONS + 1) + " flow " + (i / SECTIONS % perSection + 1);
            RunStatus status = i % 50 == 0 ? RunStatus.FLAKY : i % 12 == 0 ? RunStatus.FAILED : RunStatus.PASSED;
            Instant start = now.minusSeconds(600);
            flows.add(new FlowResult("flow-run-" + i, name, SUITE, status, "Active", status.equals(RunStatus.FLAKY) ? 1 : 0,
                    Optional.of(start), Optional.of(start.plusMillis(800 + i % 5000)), Duration.ofMillis(800 + i % 5000),
                    status.equals(RunStatus.FAILED) ? "POST https://api.example.com/orders: expected status to equal 201,"
                            + " got 500 (Internal Server Error)" : "",
                    "https://app.loadmill.com/app/api-tests/test-suite-runs/run-1/flows/flow-run-" + i));
        }
        SuiteResult suite = new SuiteResult("suite-1", "suite-run-1", SUITE, SUITE, RunStatus.FAILED, "",
                Optional.of(now.minusSeconds(600)), Optional.of(now), "https://app.loadmill.com/app/api-tests/test-suite-runs/run-1",
                flows);
        return new CollectedResults(RunKind.TEST_SUITES, "https://app.loadmill.com", "", "", runId, "", RunStatus.FAILED,
                Optional.of(now.minusSeconds(600)), Optional.of(now), List.of(suite));
    }
}
