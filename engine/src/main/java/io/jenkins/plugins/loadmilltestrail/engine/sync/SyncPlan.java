package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Everything a publish will do, computed by {@link SyncPlanner} before any write: what to create,
 * which run or plan receives which cases, and each flow's result. A dry run prints it
 * ({@link SyncPlanText}); the publisher applies it.
 *
 * <p>Ids of things still to be created are negative placeholders ("refs"), replaced by the real
 * ids as the publisher creates them. A positive id is TestRail's own.
 *
 * @param needs what must still be read from TestRail before this plan is complete; a plan with
 *     needs is never applied
 */
public record SyncPlan(
        Project project,
        String baseUrl,
        Needs needs,
        List<PlannedSuite> newSuites,
        List<PlannedSection> newSections,
        List<PlannedCase> newCases,
        Target target,
        List<PlannedRun> runs,
        List<FlowMatch> flows,
        List<String> warnings) {

    public SyncPlan {
        newSuites = List.copyOf(newSuites);
        newSections = List.copyOf(newSections);
        newCases = List.copyOf(newCases);
        runs = List.copyOf(runs);
        flows = List.copyOf(flows);
        warnings = List.copyOf(warnings);
    }

    /** Reads the planner asked for; empty when the plan is complete. */
    public record Needs(Set<Long> casesOfSuites, Set<Long> sectionsOfSuites, Set<Long> caseLookups,
            Set<Long> testsOfRuns, boolean caseFields, boolean milestones) {
        public Needs {
            casesOfSuites = Set.copyOf(casesOfSuites);
            sectionsOfSuites = Set.copyOf(sectionsOfSuites);
            caseLookups = Set.copyOf(caseLookups);
            testsOfRuns = Set.copyOf(testsOfRuns);
        }

        public boolean none() {
            return casesOfSuites.isEmpty() && sectionsOfSuites.isEmpty() && caseLookups.isEmpty()
                    && testsOfRuns.isEmpty() && !caseFields && !milestones;
        }
    }

    /** A suite to create (suite_mode 3). */
    public record PlannedSuite(long ref, String name) {}

    /** A root section to create; {@code suiteId} may be a ref. */
    public record PlannedSection(long ref, long suiteId, String name) {}

    /** A case to create; {@code sectionId} may be a ref. */
    public record PlannedCase(long ref, long suiteId, long sectionId, String title, NewCase body) {}

    /** Where results go. */
    public enum TargetKind { NEW_RUN, NEW_PLAN, EXISTING_RUN, EXISTING_PLAN, NOTHING }

    /**
     * @param existingId the run or plan given by id, for the EXISTING kinds
     * @param close close the run (close_run) or plan (close_plan) after posting
     * @param refs references of a created run or plan entry, within TestRail's 250 characters, or ""
     */
    public record Target(TargetKind kind, String name, String description, OptionalLong milestoneId,
            OptionalLong existingId, boolean close, String refs) {
        public Target(TargetKind kind, String name, String description, OptionalLong milestoneId,
                OptionalLong existingId, boolean close) {
            this(kind, name, description, milestoneId, existingId, close, "");
        }
    }

    /**
     * One run receiving results: a new run, a new or existing plan entry, or an existing run.
     *
     * @param suiteId TestRail suite (may be a ref)
     * @param existingRunId the run when it already exists (existing run, or an existing plan's entry)
     * @param existingEntryId the existing plan entry's id, or ""
     * @param selected the cases the existing run holds now (empty for new runs)
     * @param caseIds the cases the run must hold: for existing runs, the union with {@code selected}
     */
    public record PlannedRun(long suiteId, String suiteName, OptionalLong existingRunId, String existingEntryId,
            List<Long> selected, List<Long> caseIds, List<PlannedResult> results) {
        public PlannedRun {
            selected = List.copyOf(selected);
            caseIds = List.copyOf(caseIds);
            results = List.copyOf(results);
        }

        /** True when an existing run must have cases added (update_run / update_plan_entry). */
        public boolean needsSelectionUpdate() {
            return existingRunId.isPresent() && !Set.copyOf(selected).containsAll(caseIds);
        }
    }

    /** One result to post; {@code caseId} may be a ref. {@code key} is the flow run id. */
    public record PlannedResult(String key, String suiteName, String flowName, long caseId, Status status,
            String comment, String elapsed, String version) {}

    /**
     * How a flow matched. {@code MISSING_CASE}: pinned (case map or C123 token) to a case TestRail
     * does not have; the flow is not published, the others are, and the report lists it as refused.
     */
    public enum How { NAME, PIN, CREATED, UNMATCHED, NOT_PINNED, MISSING_CASE }

    /** One Loadmill flow ({@code key}: its flow run id) and its case ({@code caseId} may be a ref; 0 when none). */
    public record FlowMatch(String key, String suiteName, String flowName, String loadmillStatus, long caseId, How how,
            Optional<Status> status, String note) {}

    /** "Suite / Flow" of flows that matched no case, unpinned flows of matching by id included. */
    public List<String> unmatchedFlows() {
        return flows.stream().filter(f -> f.how() == How.UNMATCHED || f.how() == How.NOT_PINNED)
                .map(f -> f.suiteName() + " / " + f.flowName()).toList();
    }

    /** Flows that have a case, existing or to create (not unmatched, unpinned or pinned to a missing case). */
    public long flowsWithCase() {
        return flows.stream().filter(f -> f.how() == How.NAME || f.how() == How.PIN || f.how() == How.CREATED).count();
    }
}
