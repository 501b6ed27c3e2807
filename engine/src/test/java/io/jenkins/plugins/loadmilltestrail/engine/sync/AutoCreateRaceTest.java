package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.planRun;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimCase;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimPlan;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimSection;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimSuite;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CI jobs publish into one existing plan with auto-create, each with its own configuration,
 * and both create the suite, section and cases TestRail lacks at the same time: every publish ends
 * on the oldest of each, its own duplicates deleted, so TestRail holds one of each.
 */
class AutoCreateRaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DELETE_REFUSED = "You are not allowed to delete test suites.";

    @TempDir
    Path dir;

    /** TestRail without the suite "Search", an open plan, and the configurations Staging and Production. */
    private record World(TestRailSimulator sim, ProjectSeed project, SimPlan plan) {
        static World seed() {
            TestRailSimulator sim = SyncHttpTesting.simulator();
            ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
            project.addSuite("Checkout API").addSection("Cart").addCase("Add item");
            sim.addConfigGroup(project.id(), "Environment", "Staging", "Production");
            return new World(sim, project, project.addPlan("Release 9"));
        }

        PublishSettings settings(String environment) {
            return PublishSettings.builder().project("Checkout").existingPlanId(plan.id())
                    .configuration("Environment/" + environment).autoCreate(true).build();
        }

        List<SimSuite> suitesNamed(String name) {
            return sim.suites(project.id()).stream().filter(s -> s.name().equals(name)).toList();
        }
    }

    /** What the other job does, at the moment the interception chose. */
    @FunctionalInterface
    private interface OtherJob {
        void run(Object[] args) throws Exception;
    }

    /**
     * {@code api}, with the other job's calls run once: right before the first call of {@code method}
     * with {@code arity} arguments is sent, or right after it was answered.
     */
    private static TestRailApi racing(TestRailApi api, String method, int arity, boolean after, OtherJob other) {
        AtomicBoolean raced = new AtomicBoolean();
        return (TestRailApi) Proxy.newProxyInstance(TestRailApi.class.getClassLoader(), new Class<?>[] {TestRailApi.class},
                (proxy, called, args) -> {
                    boolean now = called.getName().equals(method) && called.getParameterCount() == arity
                            && !raced.getAndSet(true);
                    if (now && !after) {
                        other.run(args);
                    }
                    Object answer;
                    try {
                        answer = called.invoke(api, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (now && after) {
                        other.run(args);
                    }
                    return answer;
                });
    }

    private static CollectedResults results(String runId) {
        return planRun(runId, suite("Search", "Find item", "Filter"));
    }

    private static PublishReport publish(TestRailApi api, RecordingListener progress, CollectedResults results,
            PublishSettings settings, PublishJournal journal) throws InterruptedException {
        return new TestRailSync(api, progress, Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                .publish(results, settings, journal);
    }

    /** The journal's record of what the publish created: "suite Search" → id, "section Loadmill" → id, "case T" → id. */
    private static Map<String, Long> journaled(Path journal) throws Exception {
        JsonNode root = JSON.readTree(journal.toFile());
        Map<String, Long> created = new java.util.HashMap<>();
        root.path("createdSuites").forEach(n -> created.put("suite " + n.path("name").asText(), n.path("id").asLong()));
        root.path("createdSections").forEach(n -> created.put("section " + n.path("name").asText(), n.path("id").asLong()));
        root.path("createdCases").forEach(n -> created.put("case " + n.path("title").asText(), n.path("id").asLong()));
        return created;
    }

    /**
     * (1) The other job created suite "Search", its section and one of the cases just before this
     * publish's add_suite: this publish moves onto the older suite, deletes its own, finds the
     * section and the case there, creates only the missing case, and posts once into the plan.
     */
    @Test
    void aSuiteAnotherPublishCreatedJustBeforeIsUsedAndOursDeleted() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            long[] theirs = new long[3];
            TestRailApi api = racing(SyncHttpTesting.client(sim), "addSuite", 3, false, args -> {
                theirs[0] = otherJob.addSuite(world.project().id(), "Search", "").id();
                theirs[1] = otherJob.addSection(world.project().id(), theirs[0], "Loadmill", OptionalLong.empty()).id();
                theirs[2] = otherJob.addCase(theirs[1], NewCase.titled("Find item")).id();
            });
            RecordingListener progress = new RecordingListener();
            Path journal = dir.resolve("staging.json.journal.json");

            PublishReport report = publish(api, progress, results("staging"), world.settings("Staging"),
                    PublishJournal.open(journal));

            assertThat(world.suitesNamed("Search")).extracting(SimSuite::id).as("no duplicate suite").containsExactly(theirs[0]);
            assertThat(sim.sections(theirs[0])).extracting(SimSection::id).as("no duplicate section")
                    .containsExactly(theirs[1]);
            List<SimCase> cases = sim.cases(theirs[0]);
            assertThat(cases).extracting(SimCase::title).containsExactly("Find item", "Filter");
            assertThat(cases.get(0).id()).isEqualTo(theirs[2]);
            SimPlan plan = sim.plan(world.plan().id()).orElseThrow();
            assertThat(plan.entries()).singleElement().satisfies(e -> assertThat(e.suiteId()).isEqualTo(theirs[0]));
            long run = plan.entries().get(0).runIds().get(0);
            assertThat(sim.results(run)).as("each result once").extracting(r -> r.caseId())
                    .containsExactlyInAnyOrderElementsOf(cases.stream().map(SimCase::id).toList());
            assertThat(report.postedResults()).isEqualTo(2);
            assertThat(report.callsByMethod()).containsEntry("add_suite", 1L).containsEntry("delete_suite", 1L)
                    .containsEntry("add_case", 1L).doesNotContainKeys("add_section", "delete_section", "delete_case");
            assertThat(progress.lines).anyMatch(l -> l.equals("INFO Suite 'Search' was created by this and another"
                    + " publish at the same time; using S" + theirs[0] + ", the older one, and deleted the duplicate S"
                    + (theirs[2] + 1)));
            assertThat(journaled(journal)).as("the journal points at what survives")
                    .containsEntry("suite Search", theirs[0]).containsEntry("section Loadmill", theirs[1])
                    .containsEntry("case Find item", theirs[2]);
        }
    }

    /**
     * (2) The other job creates the same suite right after this publish's add_suite: this one is
     * the older, keeps its suite and deletes nothing (the other job deletes its own). Creating
     * costs one get_suites, one get_sections and one get_cases more than the planning's reads.
     */
    @Test
    void theOlderSuiteIsKeptAndNothingDeleted() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            TestRailApi api = racing(SyncHttpTesting.client(sim), "addSuite", 3, true,
                    args -> otherJob.addSuite(world.project().id(), "Search", ""));

            PublishReport report = publish(api, new RecordingListener(), results("staging"), world.settings("Staging"),
                    PublishJournal.inMemory());

            List<SimSuite> search = world.suitesNamed("Search");
            assertThat(search).hasSize(2);
            long ours = search.get(0).id();
            assertThat(sim.plan(world.plan().id()).orElseThrow().entries()).singleElement()
                    .satisfies(e -> assertThat(e.suiteId()).isEqualTo(ours));
            assertThat(sim.cases(ours)).extracting(SimCase::title).containsExactly("Find item", "Filter");
            assertThat(report.callsByMethod().keySet()).noneMatch(m -> m.startsWith("delete_"));
            assertThat(report.callsByMethod()).containsEntry("get_suites", 2L).containsEntry("get_sections", 1L)
                    .containsEntry("get_cases", 1L);
            assertThat(report.createdSuites() + report.createdSections() + report.createdCases()).isEqualTo(4);
        }
    }

    /** (3) TestRail refuses the delete (the role may not delete suites): a warning, and the older suite is used. */
    @Test
    void aRefusedDeleteIsAWarningAndTheOlderSuiteIsUsed() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            sim.faults().always("delete_suite", Fault.status(403, "{\"error\":\"" + DELETE_REFUSED + "\"}"));
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            long[] theirs = new long[1];
            TestRailApi api = racing(SyncHttpTesting.client(sim), "addSuite", 3, false,
                    args -> theirs[0] = otherJob.addSuite(world.project().id(), "Search", "").id());
            RecordingListener progress = new RecordingListener();

            PublishReport report = publish(api, progress, results("staging"), world.settings("Staging"),
                    PublishJournal.inMemory());

            List<SimSuite> search = world.suitesNamed("Search");
            assertThat(search).extracting(SimSuite::id).as("the duplicate is left").hasSize(2).startsWith(theirs[0]);
            long duplicate = search.get(1).id();
            assertThat(sim.sections(duplicate)).as("nothing was created in the duplicate").isEmpty();
            assertThat(sim.cases(theirs[0])).extracting(SimCase::title).containsExactly("Find item", "Filter");
            assertThat(sim.plan(world.plan().id()).orElseThrow().entries()).singleElement()
                    .satisfies(e -> assertThat(e.suiteId()).isEqualTo(theirs[0]));
            assertThat(report.postedResults()).isEqualTo(2);
            assertThat(progress.lines).contains("WARN Suite 'Search' was created by this and another publish at the same"
                    + " time; using S" + theirs[0] + ", the older one. Could not delete the duplicate S" + duplicate
                    + " (TestRail: " + DELETE_REFUSED + "); delete it in TestRail.");
        }
    }

    /**
     * (4) Cases: the other job creates both cases in the existing section right before this
     * publish's first add_case (one title as TestRail may hand it back, wrapped in {@code <p>}): the
     * older cases are used and this publish's deleted, also from a case cache that another publish
     * sharing it filled with them meanwhile.
     */
    @Test
    void duplicateCasesConvergeOnTheOlderOnes() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            var searchSuite = world.project().addSuite("Search");
            long section = searchSuite.addSection("Loadmill").id();
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            CaseCache cache = CaseCache.at(dir.resolve("cases.json"));
            List<Long> theirs = new ArrayList<>();
            TestRailApi creating = racing(SyncHttpTesting.client(sim), "addCase", 2, false, args -> {
                theirs.add(otherJob.addCase(section, NewCase.titled("<p>Find item</p>")).id());
                theirs.add(otherJob.addCase(section, NewCase.titled("Filter")).id());
            });
            // A third publish sharing the cache reads the suite when this one reads the section again.
            TestRailApi api = racing(creating, "getCases", 3, true, args ->
                    new CaseReads(otherJob, cache, new RecordingListener(), Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                            .cases(world.project().id(), searchSuite.id()));
            RecordingListener progress = new RecordingListener();
            TestRailSync sync = new TestRailSync(api, progress, Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                    .withCaseCache(cache);

            PublishReport report = sync.publish(results("staging"), world.settings("Staging"), PublishJournal.inMemory());

            assertThat(sim.cases(searchSuite.id())).extracting(SimCase::id).as("no duplicate case")
                    .containsExactlyElementsOf(theirs);
            long run = sim.plan(world.plan().id()).orElseThrow().entries().get(0).runIds().get(0);
            assertThat(sim.tests(run)).extracting(t -> t.caseId()).containsExactlyInAnyOrderElementsOf(theirs);
            assertThat(sim.results(run)).hasSize(2);
            assertThat(report.callsByMethod()).containsEntry("add_case", 2L).containsEntry("delete_case", 2L);
            assertThat(progress.lines).anyMatch(l -> l.startsWith("INFO Case 'Find item' was created by this and another"
                    + " publish at the same time; using C" + theirs.get(0) + ", the older one, and deleted the duplicate C"));
            String cached = java.nio.file.Files.readString(dir.resolve("cases.json"));
            assertThat(cached).contains("[" + theirs.get(0) + ",", "[" + theirs.get(1) + ",");
            for (long deleted = theirs.get(1) + 1; deleted <= theirs.get(1) + 2; deleted++) {
                assertThat(cached).as("the deleted case C" + deleted + " is not cached").doesNotContain("[" + deleted + ",");
            }
        }
    }

    /**
     * The other job creates section "Loadmill" in the existing suite right before this publish's
     * add_section: this publish moves onto it, deletes its own, and creates its cases there.
     */
    @Test
    void aSectionAnotherPublishCreatedJustBeforeIsUsedAndOursDeleted() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            long suiteId = world.project().addSuite("Search").id();
            TestRailClient otherJob = SyncHttpTesting.client(sim);
            long[] theirs = new long[1];
            TestRailApi api = racing(SyncHttpTesting.client(sim), "addSection", 4, false,
                    args -> theirs[0] = otherJob.addSection(world.project().id(), suiteId, "Loadmill", OptionalLong.empty())
                            .id());
            RecordingListener progress = new RecordingListener();

            PublishReport report = publish(api, progress, results("staging"), world.settings("Staging"),
                    PublishJournal.inMemory());

            assertThat(sim.sections(suiteId)).extracting(SimSection::id).containsExactly(theirs[0]);
            assertThat(sim.cases(suiteId)).extracting(SimCase::title).containsExactly("Find item", "Filter");
            assertThat(sim.cases(suiteId)).allSatisfy(c -> assertThat(c.sectionId()).isEqualTo(theirs[0]));
            assertThat(report.postedResults()).isEqualTo(2);
            assertThat(report.callsByMethod()).containsEntry("delete_section", 1L).doesNotContainKey("delete_case");
            assertThat(progress.lines).contains("INFO Section 'Loadmill' was created by this and another publish at the"
                    + " same time; using section " + theirs[0] + ", the older one, and deleted the duplicate section "
                    + (theirs[0] + 1));
        }
    }

    /**
     * (5) Two real publishes at once, as two CI jobs: each its own results file and configuration,
     * one plan, neither finding suite "Search". Both plan before either creates (they meet at
     * add_suite); from there the interleaving is left to the threads, several rounds since it is a
     * race. TestRail ends with one suite, section and case of each name, both runs in that suite,
     * and every duplicate a publish created deleted by it.
     */
    @Test
    void twoConcurrentPublishesLeaveNoDuplicates() throws Exception {
        for (int round = 1; round <= 5; round++) {
            World world = World.seed();
            try (TestRailSimulator sim = world.sim()) {
                sim.setLatency(Duration.ofMillis(2));
                CyclicBarrier planned = new CyclicBarrier(2);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                List<Future<PublishReport>> jobs = new ArrayList<>();
                try {
                    for (String environment : List.of("Staging", "Production")) {
                        TestRailApi api = racing(SyncHttpTesting.client(sim), "addSuite", 3, false,
                                args -> planned.await(20, TimeUnit.SECONDS));
                        Path file = dir.resolve(round + environment);
                        Callable<PublishReport> job = () -> new TestRailSync(api, new RecordingListener(),
                                Clock.fixed(SyncFixtures.NOW, ZoneOffset.UTC))
                                .publish(results(environment), world.settings(environment), file);
                        jobs.add(pool.submit(job));
                    }
                    for (Future<PublishReport> job : jobs) {
                        assertThat(job.get(60, TimeUnit.SECONDS).postedResults()).isEqualTo(2);
                    }
                } finally {
                    pool.shutdownNow();
                }
                String in = "round " + round + ": ";
                List<SimSuite> suites = sim.suites(world.project().id());
                assertThat(suites).extracting(SimSuite::name).as(in + "suite names").doesNotHaveDuplicates();
                for (SimSuite suite : suites) {
                    assertThat(sim.sections(suite.id())).extracting(SimSection::name).as(in + "section names")
                            .doesNotHaveDuplicates();
                    assertThat(sim.cases(suite.id())).extracting(SimCase::title).as(in + "case titles")
                            .doesNotHaveDuplicates();
                }
                long search = world.suitesNamed("Search").get(0).id();
                assertThat(sim.cases(search)).extracting(SimCase::title).containsExactly("Find item", "Filter");
                SimPlan plan = sim.plan(world.plan().id()).orElseThrow();
                assertThat(plan.entries()).as(in + "one entry per configuration").hasSize(2)
                        .allSatisfy(e -> assertThat(e.suiteId()).isEqualTo(search));
                for (var entry : plan.entries()) {
                    assertThat(sim.results(entry.runIds().get(0))).as(in + "each result once").hasSize(2);
                }
                assertThat(sim.calls("add_suite")).as(in + "both created the suite").isEqualTo(2);
                assertThat(sim.calls("delete_suite")).as(in + "the later one deleted its own").isEqualTo(1);
                assertThat(sim.calls("delete_section")).isEqualTo(sim.calls("add_section") - 1);
                assertThat(sim.calls("delete_case")).isEqualTo(sim.calls("add_case") - 2);
                for (String environment : List.of("Staging", "Production")) {
                    assertThat(journaled(PublishJournal.besides(dir.resolve(round + environment))).values())
                            .as(in + "the journal of " + environment + " holds only what survives")
                            .allSatisfy(id -> assertThat(id == search || sim.sections(search).stream()
                                    .anyMatch(sec -> sec.id() == id) || sim.testCase(id).isPresent()).isTrue());
                }
            }
        }
    }

    /** Publishing what TestRail already has creates nothing, and reads nothing again. */
    @Test
    void publishingWhatExistsCostsNoExtraCall() throws Exception {
        World world = World.seed();
        try (TestRailSimulator sim = world.sim()) {
            var section = world.project().addSuite("Search").addSection("Loadmill");
            section.addCase("Find item");
            section.addCase("Filter");

            PublishReport report = publish(SyncHttpTesting.client(sim), new RecordingListener(), results("staging"),
                    world.settings("Staging"), PublishJournal.inMemory());

            assertThat(report.postedResults()).isEqualTo(2);
            assertThat(report.callsByMethod()).containsEntry("get_suites", 1L).containsEntry("get_cases", 1L)
                    .doesNotContainKeys("get_sections", "add_suite", "add_section", "add_case", "delete_suite",
                            "delete_section", "delete_case");
        }
    }
}
