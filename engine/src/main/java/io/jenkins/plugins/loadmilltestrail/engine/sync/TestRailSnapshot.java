package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What has been read from TestRail so far: the planner's only view of TestRail. The reader adds
 * to it what {@link SyncPlan#needs()} asks for, so only what the plan needs is read.
 *
 * @param sections sections per suite id, for the suites read
 * @param cases cases per suite id, for the suites read
 * @param lookedUp pinned cases read one by one (get_case), empty when TestRail does not know the id
 * @param tests tests per run id, for the existing runs read
 */
public record TestRailSnapshot(
        String baseUrl,
        Project project,
        List<Suite> suites,
        List<Status> statuses,
        Map<Long, List<Section>> sections,
        Map<Long, List<TestCase>> cases,
        Map<Long, Optional<TestCase>> lookedUp,
        Optional<List<CustomField>> caseFields,
        Optional<List<Milestone>> milestones,
        Optional<TestRun> existingRun,
        Optional<TestPlan> existingPlan,
        Map<Long, List<Test>> tests) {

    public TestRailSnapshot {
        suites = List.copyOf(suites);
        statuses = List.copyOf(statuses);
        sections = Map.copyOf(sections);
        cases = Map.copyOf(cases);
        lookedUp = Map.copyOf(lookedUp);
        tests = Map.copyOf(tests);
    }

    /** A snapshot holding only the first reads: project, suites and statuses. */
    public static TestRailSnapshot of(String baseUrl, Project project, List<Suite> suites, List<Status> statuses) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, Map.of(), Map.of(), Map.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }

    public TestRailSnapshot withSections(long suiteId, List<Section> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, plus(sections, suiteId, List.copyOf(value)),
                cases, lookedUp, caseFields, milestones, existingRun, existingPlan, tests);
    }

    public TestRailSnapshot withCases(long suiteId, List<TestCase> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, plus(cases, suiteId, List.copyOf(value)),
                lookedUp, caseFields, milestones, existingRun, existingPlan, tests);
    }

    public TestRailSnapshot withLookedUp(long caseId, Optional<TestCase> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, plus(lookedUp, caseId, value),
                caseFields, milestones, existingRun, existingPlan, tests);
    }

    public TestRailSnapshot withCaseFields(List<CustomField> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, lookedUp,
                Optional.of(List.copyOf(value)), milestones, existingRun, existingPlan, tests);
    }

    public TestRailSnapshot withMilestones(List<Milestone> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, lookedUp, caseFields,
                Optional.of(List.copyOf(value)), existingRun, existingPlan, tests);
    }

    public TestRailSnapshot withExistingRun(TestRun value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, lookedUp, caseFields,
                milestones, Optional.of(value), existingPlan, tests);
    }

    public TestRailSnapshot withExistingPlan(TestPlan value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, lookedUp, caseFields,
                milestones, existingRun, Optional.of(value), tests);
    }

    public TestRailSnapshot withTests(long runId, List<Test> value) {
        return new TestRailSnapshot(baseUrl, project, suites, statuses, sections, cases, lookedUp, caseFields,
                milestones, existingRun, existingPlan, plus(tests, runId, List.copyOf(value)));
    }

    private static <V> Map<Long, V> plus(Map<Long, V> map, long key, V value) {
        Map<Long, V> copy = new HashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
