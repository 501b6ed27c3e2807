package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Reads TestRail for a publish: first the project, its suites and the statuses (and the existing
 * run or plan when one is given), then exactly what the planner asks for, until the plan is
 * complete. Suites are read whole (pg(M) get_cases), pins are checked against them, and get_case
 * is called only for pinned ids found in none of the suites read.
 */
final class TestRailReader {
    private final TestRailApi api;
    private final ProgressListener progress;
    /** The configurations of the plan run, resolved by {@link #plan}. */
    private PlanConfigurations configurations = PlanConfigurations.NONE;
    private final CaseReads caseReads;

    TestRailReader(TestRailApi api, ProgressListener progress) {
        this(api, progress, new CaseReads(api, CaseCache.off(), progress, java.time.Clock.systemUTC()));
    }

    /** @param caseReads how suites' cases are read (through a {@link CaseCache} or in full) */
    TestRailReader(TestRailApi api, ProgressListener progress, CaseReads caseReads) {
        this.api = api;
        this.progress = progress;
        this.caseReads = caseReads;
    }

    /** The project named in the settings: by id (get_project) or by name among active projects. */
    Project project(PublishSettings settings) throws InterruptedException {
        OptionalLong id = SettingMaps.idOf(settings.project().replaceFirst("^[pP]", ""));
        if (id.isPresent()) {
            Project project = api.getProject(id.getAsLong());
            if (project.completed()) {
                throw new SyncConfigurationException("The TestRail project '" + project.name() + "' (P" + project.id()
                        + ") is completed; TestRail refuses new runs there. Choose an active project.");
            }
            return project;
        }
        Names names = new Names(false);
        List<Project> active = api.getProjects().stream().filter(p -> !p.completed()).toList();
        List<Project> found = active.stream().filter(p -> names.key(p.name()).equals(names.key(settings.project())))
                .toList();
        List<Project> exact = found.stream().filter(p -> Names.clean(p.name()).equals(Names.clean(settings.project())))
                .toList();
        if (exact.size() == 1 || found.size() == 1) {
            return (exact.size() == 1 ? exact : found).get(0);
        }
        if (found.isEmpty()) {
            throw new SyncConfigurationException("No active TestRail project is named '" + settings.project()
                    + "'" + (active.isEmpty() ? " (this user sees none; check the user's project access)"
                            : "; projects this user sees: " + active.stream().limit(8).map(Project::name)
                                    .collect(Collectors.joining(", ")) + (active.size() > 8 ? ", ..." : ""))
                    + ". Fix the project name or use its id.");
        }
        throw new SyncConfigurationException("Several active TestRail projects are named '" + settings.project() + "' ("
                + found.stream().map(p -> "P" + p.id()).collect(Collectors.joining(", "))
                + "); set the project by id instead.");
    }

    /**
     * The result field values every result carries (one get_result_fields): the configured ones
     * typed for their fields, plus TestRail's defaults for required fields left unset. Values that
     * do not fit, and required fields without a value, are thrown together.
     */
    java.util.Map<String, Object> resultFields(CollectedResults results, PublishSettings settings, Project project,
            Instant now) throws InterruptedException {
        ResultFields.Resolved resolved = ResultFields.resolve(settings.resultFields(), api.getResultFields(), project,
                RunNames.variables(results, settings.variables(), now), false);
        if (!resolved.problems().isEmpty()) {
            throw new SyncConfigurationException(resolved.problems());
        }
        resolved.notes().forEach(progress::info);
        return resolved.values();
    }

    /** The configurations of the plan run (resolved by {@link #plan}). */
    PlanConfigurations configurations() {
        return configurations;
    }

    /** Reads until the plan needs nothing more and returns the complete plan. */
    SyncPlan plan(CollectedResults results, PublishSettings settings, Project project, Instant now)
            throws InterruptedException {
        progress.info("TestRail project: " + project.name() + " (P" + project.id() + ", suite mode "
                + project.suiteMode().id() + ")");
        TestRailSnapshot snapshot = TestRailSnapshot.of(api.baseUrl(), project, api.getSuites(project.id()),
                api.getStatuses());
        if (settings.existingRunId().isPresent()) {
            snapshot = snapshot.withExistingRun(api.getRun(settings.existingRunId().getAsLong()));
        }
        if (!settings.configurations().isEmpty()) {
            List<String> problems = new java.util.ArrayList<>();
            configurations = PlanConfigurations.resolve(settings.configurations(), api.getConfigs(project.id()),
                    project.name(), problems);
            if (!problems.isEmpty()) {
                throw new SyncConfigurationException(problems);
            }
            progress.info("TestRail configurations: " + configurations.label());
        }
        if (settings.existingPlanId().isPresent()) {
            // The planner sees only the runs of this publish's configurations (or those without any).
            snapshot = snapshot.withExistingPlan(configurations.view(api.getPlan(settings.existingPlanId().getAsLong())));
        }
        // Each round reads a kind of thing the previous plan showed it needs; a handful of rounds at most.
        for (int round = 0; round < 8; round++) {
            SyncPlan plan = SyncPlanner.plan(results, settings, snapshot, now);
            SyncPlan.Needs needs = plan.needs();
            if (needs.none()) {
                return plan;
            }
            snapshot = read(needs, snapshot, project.id());
        }
        throw new IllegalStateException("planning did not settle after 8 rounds of reads");
    }

    private TestRailSnapshot read(SyncPlan.Needs needs, TestRailSnapshot snapshot, long projectId)
            throws InterruptedException {
        for (long suiteId : needs.casesOfSuites()) {
            snapshot = snapshot.withCases(suiteId, caseReads.cases(projectId, suiteId));
        }
        for (long suiteId : needs.sectionsOfSuites()) {
            snapshot = snapshot.withSections(suiteId, api.getSections(projectId, suiteId));
        }
        for (long caseId : needs.caseLookups()) {
            snapshot = snapshot.withLookedUp(caseId, lookUp(caseId));
        }
        for (long runId : needs.testsOfRuns()) {
            snapshot = snapshot.withTests(runId, api.getTests(runId));
        }
        if (needs.caseFields()) {
            snapshot = snapshot.withCaseFields(api.getCaseFields());
        }
        if (needs.milestones()) {
            snapshot = snapshot.withMilestones(api.getMilestones(projectId));
        }
        return snapshot;
    }

    /** A pinned case not found in the suites read: TestRail answers 400 for ids it does not know. */
    private Optional<TestCase> lookUp(long caseId) throws InterruptedException {
        try {
            return Optional.of(api.getCase(caseId));
        } catch (TestRailException e) {
            if (e.httpStatus() == 400) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
