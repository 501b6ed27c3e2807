package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.planRun;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimFieldConfig;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimUser;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SuiteSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case cache over HTTP against the simulator: a second publish reads only what changed
 * (get_cases with updated_after), sees renamed and moved cases, recovers from a deleted case that
 * TestRail refuses, shares the file with a concurrent publish, and ignores a corrupt file.
 */
class CaseCacheSyncTest {
    /** 600 filler cases: a full read is 3 pages of get_cases, an incremental one 1. */
    private static final int FILLER = 600;
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    Path dir;

    private TestRailSimulator sim;
    private SuiteSeed suite;
    private SectionSeed cart;
    private SimCase addItem;
    private SimCase pay;
    private Path cacheFile;

    @BeforeEach
    void seed() {
        sim = SyncHttpTesting.simulator();
        ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        suite = project.addSuite("Checkout API");
        cart = suite.addSection("Cart");
        addItem = cart.addCase("Add item");
        pay = cart.addCase("Pay");
        suite.addSection("Filler").addCases("Filler", FILLER);
        cacheFile = dir.resolve("cache").resolve("case-cache.json");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static CollectedResults results(String... flows) {
        return planRun("run-" + RUNS.incrementAndGet(), suite("Checkout API", flows));
    }

    private TestRailSync sync(RecordingListener listener, CaseCache cache, Instant now) {
        return new TestRailSync(SyncHttpTesting.client(sim), listener, Clock.fixed(now, ZoneOffset.UTC)).withCaseCache(cache);
    }

    private PublishReport publish(CaseCache cache, PublishSettings settings, CollectedResults results) throws Exception {
        return publish(new RecordingListener(), cache, SyncFixtures.NOW, settings, results);
    }

    private PublishReport publish(RecordingListener listener, CaseCache cache, Instant now, PublishSettings settings,
            CollectedResults results) throws Exception {
        return sync(listener, cache, now).publish(results, settings, PublishJournal.inMemory());
    }

    private static PublishSettings byName() {
        return PublishSettings.builder().project("Checkout").build();
    }

    private static long getCases(PublishReport report) {
        return report.callsByMethod().getOrDefault("get_cases", 0L);
    }

    private static FlowOutcome flow(PublishReport report, String name) {
        return report.flows().stream().filter(f -> f.flowName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theSecondPublishReadsOnlyTheCasesChangedSinceTheFirst() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        PublishReport first = publish(cache, byName(), results("Add item", "Pay"));
        assertThat(getCases(first)).as("first publish: the suite in full").isEqualTo(3);
        String stored = Files.readString(cacheFile);
        assertThat(stored).contains("\"Add item\"", sim.url().replaceFirst("/$", ""))
                .doesNotContain(SyncHttpTesting.KEY, SyncHttpTesting.USER);

        sim.advanceClock(Duration.ofSeconds(30));
        SimCase refund = cart.addCase("Refund");
        sim.renameCase(cart.addCase("Old title").id(), "Edited title");
        RecordingListener listener = new RecordingListener();
        TestRailSync.DryRun dryRun = sync(listener, cache, SyncFixtures.NOW).dryRun(results("Add item", "Refund"), byName());
        assertThat(dryRun.text()).contains("Case cache:", "S" + suite.id() + ": incremental: 2 case(s) new or changed since updated_on");
        assertThat(dryRun.report().callsByMethod().get("get_cases")).isEqualTo(1);

        PublishReport second = publish(cache, byName(), results("Add item", "Pay", "Refund"));
        assertThat(getCases(second)).as("second publish: one page of changed cases").isEqualTo(1);
        assertThat(second.postedResults()).isEqualTo(3);
        assertThat(flow(second, "Refund").caseId()).hasValue(refund.id());
        assertThat(second.createdCases()).isZero();
    }

    @Test
    void aCaseAddedInTheSecondOfTheMarkIsStillSeen() throws Exception {
        // A small suite: the mark's second is read again, so no clock step is needed.
        try (TestRailSimulator small = SyncHttpTesting.simulator()) {
            SectionSeed section = small.addProject("Shop", TestRailSimulator.MULTIPLE_SUITES).addSuite("Checkout API")
                    .addSection("Cart");
            section.addCase("Add item");
            CaseCache cache = CaseCache.at(cacheFile);
            PublishSettings settings = PublishSettings.builder().project("Shop").build();
            new TestRailSync(SyncHttpTesting.client(small), new RecordingListener(),
                    Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC)).withCaseCache(cache)
                    .publish(results("Add item"), settings, PublishJournal.inMemory());
            SimCase refund = section.addCase("Refund");

            PublishReport second = new TestRailSync(SyncHttpTesting.client(small), new RecordingListener(),
                    Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC)).withCaseCache(cache)
                    .publish(results("Add item", "Refund"), settings, PublishJournal.inMemory());
            assertThat(second.callsByMethod().get("get_cases")).isEqualTo(1);
            assertThat(flow(second, "Refund").caseId()).hasValue(refund.id());
        }
    }

    @Test
    void aRenamedCaseNoLongerMatchesItsOldTitle() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        publish(cache, byName(), results("Add item", "Pay"));
        sim.advanceClock(Duration.ofSeconds(30));
        sim.renameCase(pay.id(), "Pay by card");

        PublishReport second = publish(cache, byName(), results("Add item", "Pay", "Pay by card"));
        assertThat(getCases(second)).isEqualTo(1);
        assertThat(second.unmatchedFlows()).containsExactly("Checkout API / Pay");
        assertThat(flow(second, "Pay by card").caseId()).hasValue(pay.id());
        assertThat(second.postedResults()).isEqualTo(2);
    }

    @Test
    void aCaseMovedToAnotherSectionIsSeenInItsNewSection() throws Exception {
        // Single-suite project: a Loadmill suite maps to a section, so the section decides the match.
        try (TestRailSimulator single = SyncHttpTesting.simulator()) {
            SuiteSeed master = single.addProject("Shop", TestRailSimulator.SINGLE_SUITE).masterSuite();
            SectionSeed cartSection = master.addSection("Checkout API");
            cartSection.addCase("Add item");
            SimCase moved = cartSection.addCase("Pay");
            SectionSeed billing = master.addSection("Billing");
            CaseCache cache = CaseCache.at(cacheFile);
            PublishSettings settings = PublishSettings.builder().project("Shop").build();
            TestRailSync first = new TestRailSync(SyncHttpTesting.client(single), new RecordingListener(),
                    Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC)).withCaseCache(cache);
            assertThat(flow(first.publish(results("Add item", "Pay"), settings, PublishJournal.inMemory()), "Pay").caseId())
                    .hasValue(moved.id());

            single.advanceClock(Duration.ofSeconds(30));
            single.moveCase(moved.id(), billing.id());
            TestRailSync second = new TestRailSync(SyncHttpTesting.client(single), new RecordingListener(),
                    Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC)).withCaseCache(cache);
            PublishReport report = second.publish(results("Add item", "Pay"), settings, PublishJournal.inMemory());
            assertThat(report.unmatchedFlows()).as("Pay is no longer in the section 'Checkout API'")
                    .containsExactly("Checkout API / Pay");
            assertThat(report.postedResults()).isEqualTo(1);
        }
    }

    @Test
    void aDeletedCaseThatTestRailRefusesMakesItReadTheSuiteInFullAndGoOnWithOneRun() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        PublishSettings create = PublishSettings.builder().project("Checkout").autoCreate(true).build();
        publish(cache, create, results("Add item", "Pay"));
        sim.advanceClock(Duration.ofSeconds(30));
        sim.deleteCase(pay.id());
        int runsBefore = sim.runs().size();

        RecordingListener listener = new RecordingListener();
        PublishReport second = publish(listener, cache, SyncFixtures.NOW, create, results("Add item", "Pay"));
        assertThat(listener.lines).anyMatch(l -> l.startsWith("WARN TestRail refused a case id from the case cache")
                && l.contains("C" + pay.id()));
        assertThat(sim.runs()).as("one run for the publish, no duplicate").hasSize(runsBefore + 1);
        assertThat(second.createdCases()).as("Pay is created again").isEqualTo(1);
        long newPay = flow(second, "Pay").caseId().orElseThrow();
        assertThat(newPay).isNotEqualTo(pay.id());
        long runId = sim.runs().get(sim.runs().size() - 1).id();
        assertThat(sim.results(runId)).as("each result once").hasSize(2)
                .extracting(r -> r.caseId()).containsExactlyInAnyOrder(addItem.id(), newPay);
        // 1 incremental page, then 3 pages in full, then the re-read after creating the case.
        assertThat(getCases(second)).isGreaterThanOrEqualTo(4);
        assertThat(Files.readString(cacheFile)).doesNotContain("[" + pay.id() + ",");
    }

    @Test
    void aCaseMovedToAnotherSuiteIsRefusedByAddRunAndRecovered() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        publish(cache, byName(), results("Add item", "Pay"));
        sim.advanceClock(Duration.ofSeconds(30));
        SectionSeed elsewhere = sim.project(suite.suite().projectId()).addSuite("Archive").addSection("Old");
        sim.moveCase(pay.id(), elsewhere.id());
        int runsBefore = sim.runs().size();

        PublishReport second = publish(cache, byName(), results("Add item", "Pay"));
        assertThat(sim.runs()).hasSize(runsBefore + 1);
        assertThat(second.unmatchedFlows()).containsExactly("Checkout API / Pay");
        assertThat(second.postedResults()).isEqualTo(1);
    }

    @Test
    void aResultBatchRefusedForACachedCaseIdIsNotSplitButReplannedIntoTheSameRun() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        publish(cache, byName(), results("Add item", "Pay"));
        int runsBefore = sim.runs().size();
        sim.faults().next("add_results_for_cases", 1, Fault.status(400, "{\"error\":\"Field :results contains one or"
                + " more invalid results (case C" + pay.id() + " unknown or not part of the test run)\"}"));

        RecordingListener listener = new RecordingListener();
        PublishReport second = publish(listener, cache, SyncFixtures.NOW, byName(), results("Add item", "Pay"));
        assertThat(listener.lines).anyMatch(l -> l.startsWith("WARN TestRail refused a case id from the case cache"));
        assertThat(second.rejected()).isEmpty();
        assertThat(sim.runs()).as("the run created before the refusal is reused").hasSize(runsBefore + 1);
        assertThat(sim.results(sim.runs().get(sim.runs().size() - 1).id())).hasSize(2);
        assertThat(second.callsByMethod().get("add_run")).isEqualTo(1);
    }

    @Test
    void theReplanAfterARefusedCachedCaseIdKeepsResultFieldsAndTheAssignee() throws Exception {
        sim.addResultField("env", "Environment", 1, SimFieldConfig.globalConfig(false, ""));
        SimUser qa = sim.addUser("qa@example.com", "qa-key");
        PublishSettings settings = PublishSettings.builder().project("Checkout").resultField("env", "staging")
                .assignFailed("qa@example.com").build();
        CaseCache cache = CaseCache.at(cacheFile);
        publish(cache, settings, results("Add item", "Pay"));
        CollectedResults results = planRun("run-" + RUNS.incrementAndGet(), suite("Checkout API",
                SyncFixtures.flow("Checkout API", "Add item", RunStatus.PASSED),
                SyncFixtures.flow("Checkout API", "Pay", RunStatus.FAILED)));
        TestRailSync.DryRun dryRun = sync(new RecordingListener(), cache, SyncFixtures.NOW).dryRun(results, settings);
        assertThat(dryRun.text()).contains("Result fields on every result: custom_env=staging", "Case cache:");
        int runsBefore = sim.runs().size();
        sim.faults().next("add_results_for_cases", 1, Fault.status(400, "{\"error\":\"Field :results contains one or"
                + " more invalid results (case C" + pay.id() + " unknown or not part of the test run)\"}"));

        RecordingListener listener = new RecordingListener();
        PublishReport second = publish(listener, cache, SyncFixtures.NOW, settings, results);
        assertThat(listener.lines).anyMatch(l -> l.startsWith("WARN TestRail refused a case id from the case cache"));
        assertThat(second.rejected()).isEmpty();
        assertThat(sim.runs()).hasSize(runsBefore + 1);
        List<SimResult> posted = sim.results(sim.runs().get(sim.runs().size() - 1).id());
        assertThat(posted).hasSize(2).allSatisfy(r -> assertThat(r.fields()).containsEntry("custom_env", "staging"));
        assertThat(posted).filteredOn(r -> r.caseId() == pay.id()).singleElement()
                .satisfies(r -> assertThat(sim.resultAssignee(r.id())).isEqualTo(qa.id()));
        assertThat(posted).filteredOn(r -> r.caseId() == addItem.id()).singleElement()
                .satisfies(r -> assertThat(sim.resultAssignee(r.id())).isZero());
        assertThat(second.callsByMethod()).containsEntry("get_result_fields", 1L).containsEntry("get_user_by_email", 1L);
    }

    @Test
    void twoConcurrentPublishesShareTheCacheFile() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile);
        // Slow pages keep both publishes reading at the same time.
        sim.faultsAfterCommit().always("get_cases", Fault.slow(Duration.ofMillis(150)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<PublishReport> one = () -> publish(cache, byName(), results("Add item", "Pay"));
            List<Future<PublishReport>> both = pool.invokeAll(List.of(one, one));
            for (Future<PublishReport> each : both) {
                assertThat(each.get().postedResults()).isEqualTo(2);
            }
            sim.advanceClock(Duration.ofSeconds(30));
            cart.addCase("Refund");
            Callable<PublishReport> two = () -> publish(cache, byName(), results("Add item", "Refund"));
            for (Future<PublishReport> each : pool.invokeAll(List.of(two, two))) {
                assertThat(getCases(each.get())).as("both read incrementally").isEqualTo(1);
                assertThat(each.get().postedResults()).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode stored = new ObjectMapper().readTree(cacheFile.toFile());
        assertThat(stored.path("suites")).as("one entry for the suite").hasSize(1);
        assertThat(stored.path("suites").get(0).path("cases")).hasSize(FILLER + 3);
        try (var files = Files.list(cacheFile.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left").containsExactlyInAnyOrder("case-cache.json", "case-cache.json.lock");
        }
    }

    @Test
    void aCorruptCacheFileIsIgnoredWithAWarningAndRewritten() throws Exception {
        Files.createDirectories(cacheFile.getParent());
        Files.writeString(cacheFile, "{\"format\":1,\"suites\":[{\"testrail\":");
        CaseCache cache = CaseCache.at(cacheFile);
        RecordingListener listener = new RecordingListener();
        PublishReport first = publish(listener, cache, SyncFixtures.NOW, byName(), results("Add item", "Pay"));
        assertThat(listener.lines).anyMatch(l -> l.startsWith("WARN Ignoring the case cache " + cacheFile)
                && l.contains("not valid JSON"));
        assertThat(getCases(first)).isEqualTo(3);
        assertThat(first.postedResults()).isEqualTo(2);

        PublishReport second = publish(cache, byName(), results("Add item", "Pay"));
        assertThat(getCases(second)).as("the rewritten file serves the next publish").isEqualTo(1);
    }

    @Test
    void anEntryOlderThanTheMaximumAgeIsReadInFull() throws Exception {
        CaseCache cache = CaseCache.at(cacheFile, Duration.ofDays(7));
        publish(cache, byName(), results("Add item", "Pay"));
        Instant later = SyncFixtures.NOW.plus(Duration.ofDays(8));
        TestRailSync.DryRun dryRun = sync(new RecordingListener(), cache, later).dryRun(results("Add item"), byName());
        assertThat(dryRun.text()).contains("full read: last full read 8 days ago, older than the maximum age 7 days");
        assertThat(dryRun.report().callsByMethod().get("get_cases")).isEqualTo(3);

        TestRailSync.DryRun next = sync(new RecordingListener(), cache, later).dryRun(results("Add item"), byName());
        assertThat(next.report().callsByMethod().get("get_cases")).as("the full read renewed the entry").isEqualTo(1);
    }

    @Test
    void withTheCacheOffTheDryRunSaysWhyItReadsInFull() throws Exception {
        TestRailSync.DryRun dryRun = sync(new RecordingListener(), CaseCache.off("--no-case-cache"), SyncFixtures.NOW)
                .dryRun(results("Add item"), byName());
        assertThat(dryRun.text()).contains("S" + suite.id() + ": full read: case cache off (--no-case-cache)");
        assertThat(Files.exists(cacheFile)).isFalse();

        TestRailSync.DryRun quiet = sync(new RecordingListener(), CaseCache.off(), SyncFixtures.NOW)
                .dryRun(results("Add item"), byName());
        assertThat(quiet.text()).doesNotContain("Case cache");
    }
}
