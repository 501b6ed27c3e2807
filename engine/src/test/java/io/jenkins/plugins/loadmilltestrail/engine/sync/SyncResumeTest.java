package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.flow;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.plan;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.suite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.RecordingListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.simulator.Fault;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.LoggedRequest;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SimResult;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Never lose, never duplicate: TestRail is cut off right after each kind of write (every later call
 * fails), then the same results file is published again. The outcome must equal one clean publish.
 */
class SyncResumeTest {
    @TempDir
    Path dir;

    /** Two Loadmill suites, one missing in TestRail; new cases in both; results in several batches; close. */
    private static final CollectedResults PLAN_RESULTS = plan(
            suite("Checkout API", flow("Checkout API", "Add item", RunStatus.PASSED),
                    flow("Checkout API", "Pay", RunStatus.FAILED), flow("Checkout API", "Refund", RunStatus.FLAKY)),
            suite("Payments", "Card", "Cash"));
    private static final CollectedResults RUN_RESULTS = plan(suite("Checkout API", "Add item", "Pay", "Refund"));

    static Stream<Arguments> cuts() {
        return Stream.of(
                arguments("plan", "add_suite", 1), arguments("plan", "add_section", 1), arguments("plan", "add_section", 2),
                arguments("plan", "add_case", 1), arguments("plan", "add_case", 3), arguments("plan", "add_plan", 1),
                arguments("plan", "add_results_for_cases", 1), arguments("plan", "add_results_for_cases", 2),
                arguments("plan", "add_results_for_cases", 3), arguments("plan", "close_plan", 1),
                arguments("run", "add_section", 1), arguments("run", "add_case", 1), arguments("run", "add_run", 1),
                arguments("run", "add_results_for_cases", 1), arguments("run", "close_run", 1));
    }

    /** One clean publish per shape: the state to reach and the order of its calls. */
    private record Reference(Map<String, Object> state, List<String> calls) {}

    private static final Map<String, Reference> REFERENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private Reference cleanPublish(CollectedResults results) {
        try (TestRailSimulator clean = seeded()) {
            publish(clean, results, dir.resolve("clean-" + results.flows().count() + ".json"));
            return new Reference(state(clean), clean.requestLog().stream().map(LoggedRequest::apiMethod).toList());
        } catch (Exception e) {
            throw new AssertionError("the clean publish failed", e);
        }
    }

    private static TestRailSimulator seeded() {
        TestRailSimulator sim = SyncHttpTesting.simulator();
        ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed cart = project.addSuite("Checkout API").addSection("Cart");
        cart.addCase("Add item");
        cart.addCase("Pay");
        return sim;
    }

    private static PublishSettings settings() {
        return PublishSettings.builder().project("Checkout").autoCreate(true).closeRun(true).batchSize(2).build();
    }

    private PublishReport publish(TestRailSimulator sim, CollectedResults results, Path file) throws Exception {
        return SyncHttpTesting.sync(SyncHttpTesting.client(sim, Duration.ofMillis(200)), new RecordingListener()).publish(results,
                settings(), file);
    }

    @ParameterizedTest(name = "{0}: cut after {1} #{2}")
    @MethodSource("cuts")
    void resumesWithoutLossOrDuplicates(String shape, String method, int nth) throws Exception {
        CollectedResults results = shape.equals("plan") ? PLAN_RESULTS : RUN_RESULTS;
        Reference reference = REFERENCES.computeIfAbsent(shape, k -> cleanPublish(results));
        Map<String, Object> expected = reference.state();
        List<String> calls = reference.calls();
        int cut = nthIndex(calls, method, nth);
        try (TestRailSimulator sim = seeded()) {
            Map<String, Integer> before = new HashMap<>();
            calls.subList(0, cut + 1).forEach(m -> before.merge(m, 1, Integer::sum));
            for (String m : new LinkedHashSet<>(calls)) {
                sim.faults().onCalls(m, before.getOrDefault(m, 0) + 1, Integer.MAX_VALUE, Fault.dropped());
            }
            Path file = dir.resolve("results.json");
            boolean lastWrite = cut == lastWriteIndex(calls);
            if (lastWrite) {
                publish(sim, results, file);
            } else {
                assertThatThrownBy(() -> publish(sim, results, file)).isInstanceOf(EngineException.class);
            }
            sim.faults().clearFaults();

            PublishReport resumed = publish(sim, results, file);

            assertThat(state(sim)).isEqualTo(expected);
            assertThat(resumed.postedResults()).isEqualTo(results.flows().count());
            assertThat(resumed.flows()).allSatisfy(f -> assertThat(f.posted()).isTrue());
            assertThat(resumed.createdSuites() + resumed.createdSections() + resumed.createdCases())
                    .as("created things are counted once, from the journal").isEqualTo(shape.equals("plan") ? 6 : 2);
        }
    }

    static Stream<Arguments> interruptions() {
        return Stream.of(arguments("run", "add_run"), arguments("run", "add_results_for_cases"),
                arguments("plan", "add_plan"), arguments("plan", "add_results_for_cases"),
                arguments("run", "close_run"), arguments("plan", "close_plan"));
    }

    /**
     * An abort (Jenkins) or Ctrl-C (CLI) while TestRail has stored a write but not yet answered:
     * nothing in the answer reached the journal, yet publishing the same file again must neither
     * create a second run or plan nor post a result twice.
     */
    @ParameterizedTest(name = "{0}: interrupted while {1} is answered")
    @MethodSource("interruptions")
    void anInterruptAfterTestRailStoredAWriteResumesWithoutDuplicates(String shape, String method) throws Exception {
        CollectedResults results = shape.equals("plan") ? PLAN_RESULTS : RUN_RESULTS;
        Map<String, Object> expected = REFERENCES.computeIfAbsent(shape, k -> cleanPublish(results)).state();
        try (TestRailSimulator sim = seeded()) {
            sim.faultsAfterCommit().onCall(method, 1, Fault.slow(Duration.ofSeconds(30)));
            Path file = dir.resolve("results.json");
            java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
            Thread publishing = new Thread(() -> {
                try {
                    publish(sim, results, file);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            publishing.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sim.faultsAfterCommit().count(method) == 0) {
                assertThat(System.nanoTime()).as(method + " reached TestRail").isLessThan(deadline);
                Thread.sleep(5);
            }
            publishing.interrupt();
            publishing.join(Duration.ofSeconds(10).toMillis());
            assertThat(publishing.isAlive()).as("the publish stops when interrupted").isFalse();
            assertThat(failure.get()).isInstanceOf(InterruptedException.class);

            PublishReport resumed = publish(sim, results, file);

            assertThat(state(sim)).isEqualTo(expected);
            assertThat(resumed.postedResults()).isEqualTo(results.flows().count());
            assertThat(resumed.flows()).allSatisfy(f -> assertThat(f.posted()).isTrue());
        }
    }

    private static int nthIndex(List<String> calls, String method, int nth) {
        int seen = 0;
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).equals(method) && ++seen == nth) {
                return i;
            }
        }
        throw new AssertionError(method + " #" + nth + " not called in " + calls);
    }

    private static int lastWriteIndex(List<String> calls) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (!calls.get(i).startsWith("get_")) {
                return i;
            }
        }
        return -1;
    }

    /** Everything the publish touched, by name: equal states mean nothing lost and nothing doubled. */
    private static Map<String, Object> state(TestRailSimulator sim) {
        Map<String, Object> state = new TreeMap<>();
        long projectId = sim.projects().get(0).id();
        sim.suites(projectId).forEach(s -> {
            state.put("suite " + s.name() + " sections", sim.sections(s.id()).stream().map(x -> x.name()).sorted().toList());
            state.put("suite " + s.name() + " cases", sim.cases(s.id()).stream().map(c -> c.title()).sorted().toList());
        });
        state.put("plans", sim.plans().stream().map(p -> p.entries().size() + " entries, closed=" + p.completed()).toList());
        List<String> runs = new ArrayList<>();
        sim.runs().forEach(r -> {
            Map<Long, String> titles = new HashMap<>();
            sim.cases(r.suiteId()).forEach(c -> titles.put(c.id(), c.title()));
            List<String> posted = sim.results(r.id()).stream().map((SimResult x) -> titles.get(x.caseId()) + "=" + x.statusId())
                    .sorted().toList();
            Set<String> selection = new java.util.TreeSet<>();
            r.caseIds().forEach(id -> selection.add(titles.get(id)));
            runs.add("run closed=" + r.completed() + " cases=" + selection + " results=" + posted);
        });
        runs.sort(null);
        state.put("runs", runs);
        return state;
    }
}
