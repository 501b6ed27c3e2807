package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

/** Collected results and an in-memory TestRail for planner tests (no network). */
final class SyncFixtures {
    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final List<Status> STATUSES = List.of(new Status(1, "passed", "Passed", false, true),
            new Status(2, "blocked", "Blocked", false, true), new Status(3, "untested", "Untested", true, true),
            new Status(4, "retest", "Retest", false, true), new Status(5, "failed", "Failed", false, true),
            new Status(6, "custom_status1", "Known Issue", false, false));
    private static final AtomicInteger RUN_IDS = new AtomicInteger();

    private SyncFixtures() {}

    static FlowResult flow(String suite, String name, RunStatus status) {
        Instant start = NOW.minusSeconds(120);
        return new FlowResult("fr-" + RUN_IDS.incrementAndGet(), name, suite, status, "Active",
                status.equals(RunStatus.FLAKY) ? 2 : 0, Optional.of(start), Optional.of(start.plusMillis(65_200)),
                Duration.ofMillis(65_200), status.equals(RunStatus.FAILED) ? "Assertion failed: status 500" : "",
                "https://app.loadmill.com/app/api-tests/flow-run/x");
    }

    static SuiteResult suite(String name, FlowResult... flows) {
        return new SuiteResult("sid-" + name, "srun-" + name, name, name, RunStatus.PASSED, "", Optional.empty(),
                Optional.empty(), "https://app.loadmill.com/app/api-tests/test-suite-runs/" + name, List.of(flows));
    }

    /** A suite of passed flows with these names. */
    static SuiteResult suite(String name, String... flows) {
        return suite(name, java.util.Arrays.stream(flows).map(f -> flow(name, f, RunStatus.PASSED))
                .toArray(FlowResult[]::new));
    }

    static CollectedResults plan(SuiteResult... suites) {
        return planRun("plan-run-1", suites);
    }

    /** Results of the Loadmill test plan run {@code runId}. */
    static CollectedResults planRun(String runId, SuiteResult... suites) {
        return new CollectedResults(RunKind.TEST_PLAN, "https://app.loadmill.com", "tp-1", "Nightly", runId,
                "https://app.loadmill.com/app/api-tests/test-plan-runs/" + runId, RunStatus.PASSED,
                Optional.of(NOW.minusSeconds(300)), Optional.of(NOW), List.of(suites));
    }

    static PublishSettings.Builder settings() {
        return PublishSettings.builder().project("Checkout");
    }

    /** A small TestRail: a project, suites, sections and cases, answering the planner's needs. */
    static final class World {
        final Project project;
        final List<Suite> suites = new ArrayList<>();
        final List<Section> sections = new ArrayList<>();
        final List<TestCase> cases = new ArrayList<>();
        final List<CustomField> caseFields = new ArrayList<>();
        final List<Milestone> milestones = new ArrayList<>();
        final List<Test> tests = new ArrayList<>();
        TestRun run;
        TestPlan plan;
        int reads;
        private long nextId = 100;

        World(SuiteMode mode) {
            project = new Project(7, "Checkout", mode, false, "");
        }

        long suite(String name) {
            long id = nextId++;
            suites.add(new Suite(id, 7, name, "", suites.isEmpty() && project.suiteMode() != SuiteMode.MULTIPLE_SUITES,
                    false, false, ""));
            return id;
        }

        long section(long suiteId, String name) {
            long id = nextId++;
            sections.add(new Section(id, suiteId, name, OptionalLong.empty(), 0, sections.size() + 1));
            return id;
        }

        long kase(long suiteId, long sectionId, String title) {
            long id = nextId++;
            cases.add(new TestCase(id, suiteId, sectionId, title, cases.size() + 1));
            return id;
        }

        /** Plans until complete, reading what the plan asks for, like the publisher's reader. */
        SyncPlan plan(io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults results, PublishSettings s) {
            TestRailSnapshot snap = TestRailSnapshot.of("https://tr.example/", project, suites, STATUSES);
            if (run != null) {
                snap = snap.withExistingRun(run);
            }
            if (plan != null) {
                snap = snap.withExistingPlan(plan);
            }
            for (int i = 0; i < 10; i++) {
                SyncPlan p = SyncPlanner.plan(results, s, snap, NOW);
                SyncPlan.Needs n = p.needs();
                if (n.none()) {
                    return p;
                }
                for (long suiteId : n.casesOfSuites()) {
                    reads++;
                    snap = snap.withCases(suiteId, cases.stream().filter(c -> c.suiteId() == suiteId).toList());
                }
                for (long suiteId : n.sectionsOfSuites()) {
                    reads++;
                    snap = snap.withSections(suiteId, sections.stream().filter(c -> c.suiteId() == suiteId).toList());
                }
                for (long caseId : n.caseLookups()) {
                    reads++;
                    snap = snap.withLookedUp(caseId, cases.stream().filter(c -> c.id() == caseId).findFirst());
                }
                for (long runId : n.testsOfRuns()) {
                    reads++;
                    snap = snap.withTests(runId, tests.stream().filter(t -> t.runId() == runId).toList());
                }
                if (n.caseFields()) {
                    reads++;
                    snap = snap.withCaseFields(caseFields);
                }
                if (n.milestones()) {
                    reads++;
                    snap = snap.withMilestones(milestones);
                }
            }
            throw new AssertionError("planner kept asking for reads");
        }

        Map<String, Long> idsByTitle() {
            Map<String, Long> out = new java.util.HashMap<>();
            cases.forEach(c -> out.putIfAbsent(c.title(), c.id()));
            return out;
        }
    }
}
