package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The simulated TestRail's data and its invariants (a run's tests follow its case selection, a
 * closed plan closes its runs, display orders increase). No validation of API input here: that is
 * {@link TestRailEndpoints}' job. Thread-safe: every method locks the store, and the endpoints
 * hold the lock for a whole request, which makes each request atomic.
 */
final class TestRailStore {
    private final Map<Long, SimUser> users = new LinkedHashMap<>();
    private final Map<Long, SimProject> projects = new LinkedHashMap<>();
    private final Map<Long, SimSuite> suites = new LinkedHashMap<>();
    private final Map<Long, SimSection> sections = new LinkedHashMap<>();
    private final Map<Long, SimCase> cases = new LinkedHashMap<>();
    private final Map<Long, SimMilestone> milestones = new LinkedHashMap<>();
    private final Map<Long, SimRun> runs = new LinkedHashMap<>();
    private final Map<Long, SimPlan> plans = new LinkedHashMap<>();
    private final Map<Long, Map<Long, SimTest>> testsByRun = new LinkedHashMap<>();
    private final Map<Long, SimResult> results = new LinkedHashMap<>();
    private final List<SimField> caseFields = new ArrayList<>();
    private final List<SimField> resultFields = new ArrayList<>();
    private final List<SimStatus> statuses = new ArrayList<>(List.of(
            new SimStatus(1, "passed", "Passed", true, false),
            new SimStatus(2, "blocked", "Blocked", true, false),
            new SimStatus(3, "untested", "Untested", true, true),
            new SimStatus(4, "retest", "Retest", true, false),
            new SimStatus(5, "failed", "Failed", true, false)));
    private final Map<Long, SimConfigGroup> configGroups = new LinkedHashMap<>();
    /** Configurations of the runs that have some (runs of plan entries), by run id. */
    private final Map<Long, List<Long>> runConfigs = new LinkedHashMap<>();
    /** Configurations of the plan entries that have some, by entry id. */
    private final Map<String, List<Long>> entryConfigs = new LinkedHashMap<>();
    private long nextId = 1;
    private long nextTestId = 1;
    private String entryIdPrefix = "";
    private long nextResultId = 1;
    /** Run references, result assignees and attachments. */
    final SimExtras extras = new SimExtras();
    /** Added to the system clock's seconds for created_on/updated_on; see {@link #advanceClock}. */
    private long clockOffsetSeconds;

    // ---- users, projects, suites, sections, cases ----

    synchronized SimUser addUser(String name, String email, String apiKey) {
        SimUser user = new SimUser(nextId++, name, email, apiKey, Set.of());
        users.put(user.id(), user);
        return user;
    }

    synchronized void denyAccess(long userId, long projectId) {
        SimUser u = users.get(userId);
        Set<Long> denied = new HashSet<>(u.deniedProjectIds());
        denied.add(projectId);
        users.put(userId, new SimUser(u.id(), u.name(), u.email(), u.apiKey(), denied));
    }

    synchronized Optional<SimUser> userByEmail(String email) {
        return users.values().stream().filter(u -> u.email().equalsIgnoreCase(email)).findFirst();
    }

    /** Single-suite projects (modes 1 and 2) get their master suite at once. */
    synchronized SimProject addProject(String name, int suiteMode) {
        SimProject project = new SimProject(nextId++, name, suiteMode, false);
        projects.put(project.id(), project);
        if (suiteMode != 3) {
            SimSuite master = new SimSuite(nextId++, project.id(), "Master", "", true, false);
            suites.put(master.id(), master);
        }
        return project;
    }

    synchronized void completeProject(long projectId) {
        SimProject p = projects.get(projectId);
        projects.put(projectId, new SimProject(p.id(), p.name(), p.suiteMode(), true));
    }

    synchronized Optional<SimProject> project(long id) {
        return Optional.ofNullable(projects.get(id));
    }

    synchronized List<SimProject> projects() {
        return List.copyOf(projects.values());
    }

    synchronized SimSuite addSuite(long projectId, String name, String description) {
        SimSuite suite = new SimSuite(nextId++, projectId, name, description, false, false);
        suites.put(suite.id(), suite);
        return suite;
    }

    synchronized Optional<SimSuite> suite(long id) {
        return Optional.ofNullable(suites.get(id));
    }

    synchronized List<SimSuite> suites(long projectId) {
        return select(suites, s -> s.projectId() == projectId);
    }

    /** The master suite of a single-suite project (the first suite of any project). */
    synchronized Optional<SimSuite> masterSuite(long projectId) {
        return suites(projectId).stream().findFirst();
    }

    synchronized SimSection addSection(long suiteId, long parentId, String name, String description) {
        SimSuite suite = suites.get(suiteId);
        int depth = parentId == 0 ? 0 : sections.get(parentId).depth() + 1;
        int order = (int) sections.values().stream().filter(s -> s.suiteId() == suiteId).count() + 1;
        SimSection section = new SimSection(nextId++, suite.projectId(), suiteId, parentId, name, description, depth, order);
        sections.put(section.id(), section);
        return section;
    }

    synchronized Optional<SimSection> section(long id) {
        return Optional.ofNullable(sections.get(id));
    }

    synchronized List<SimSection> sections(long suiteId) {
        return select(sections, s -> s.suiteId() == suiteId);
    }

    synchronized SimCase addCase(long sectionId, String title, Map<String, Object> fields) {
        SimSection section = sections.get(sectionId);
        int order = cases.values().stream().filter(c -> c.sectionId() == sectionId).mapToInt(SimCase::displayOrder)
                .max().orElse(0) + 1;
        long now = now();
        SimCase c = new SimCase(nextId++, section.projectId(), section.suiteId(), sectionId, title, order, fields, now, now);
        cases.put(c.id(), c);
        return c;
    }

    /** TestRail's clock: UNIX seconds, as in created_on and updated_on. */
    synchronized long now() {
        return System.currentTimeMillis() / 1000 + clockOffsetSeconds;
    }

    /** Moves the simulated clock forward, so that later edits carry a later updated_on. */
    synchronized void advanceClock(long seconds) {
        clockOffsetSeconds += seconds;
    }

    /** Renames and/or moves a case (another section, possibly of another suite); sets updated_on. */
    synchronized SimCase editCase(long caseId, long sectionId, String title) {
        SimCase c = cases.get(caseId);
        SimSection section = sections.get(sectionId);
        SimCase edited = c.edited(section.suiteId(), sectionId, title, now());
        cases.put(caseId, edited);
        return edited;
    }

    /**
     * Deletes cases as TestRail does: get_cases no longer lists them, add_run refuses their ids, and
     * their tests and results in active runs go; closed runs keep theirs.
     */
    synchronized void deleteCases(java.util.Collection<Long> caseIds) {
        Set<Long> gone = new HashSet<>(caseIds);
        cases.keySet().removeAll(gone);
        for (SimRun run : select(runs, r -> !r.completed() && r.caseIds().stream().anyMatch(gone::contains))) {
            testsByRun.get(run.id()).keySet().removeAll(gone);
            results.values().removeIf(r -> r.runId() == run.id() && gone.contains(r.caseId()));
            runs.put(run.id(), run.withCases(run.includeAll(),
                    run.caseIds().stream().filter(id -> !gone.contains(id)).toList()));
        }
    }

    /** Deletes a section as TestRail does: with its sub-sections and their cases (see {@link #deleteCases}). */
    synchronized void deleteSection(long sectionId) {
        Set<Long> doomed = new HashSet<>(Set.of(sectionId));
        for (boolean more = true; more; ) {
            more = false;
            for (SimSection s : sections.values()) {
                more |= doomed.contains(s.parentId()) && doomed.add(s.id());
            }
        }
        deleteCases(select(cases, c -> doomed.contains(c.sectionId())).stream().map(SimCase::id).toList());
        sections.keySet().removeAll(doomed);
    }

    /**
     * Deletes a suite as TestRail does: with its sections and cases, and its active runs with their
     * tests and results (a plan entry left without runs goes too); closed runs are kept.
     */
    synchronized void deleteSuite(long suiteId) {
        deleteCases(select(cases, c -> c.suiteId() == suiteId).stream().map(SimCase::id).toList());
        sections.values().removeIf(s -> s.suiteId() == suiteId);
        for (SimRun run : select(runs, r -> r.suiteId() == suiteId && !r.completed())) {
            dropRun(run.id());
            if (run.planId() != 0) {
                SimPlan plan = plans.get(run.planId());
                List<SimPlanEntry> entries = new ArrayList<>();
                for (SimPlanEntry e : plan.entries()) {
                    List<Long> left = e.runIds().stream().filter(id -> id != run.id()).toList();
                    if (left.isEmpty()) {
                        entryConfigs.remove(e.id());
                    } else {
                        entries.add(new SimPlanEntry(e.id(), e.planId(), e.suiteId(), e.name(), left));
                    }
                }
                plans.put(plan.id(), plan.withEntries(entries));
            }
        }
        suites.remove(suiteId);
    }

    synchronized Optional<SimCase> testCase(long id) {
        return Optional.ofNullable(cases.get(id));
    }

    /** The suite's cases as TestRail lists them: by section display order, then case display order. */
    synchronized List<SimCase> cases(long suiteId) {
        return cases.values().stream().filter(c -> c.suiteId() == suiteId)
                .sorted(Comparator.comparingInt((SimCase c) -> sections.get(c.sectionId()).displayOrder())
                        .thenComparingInt(SimCase::displayOrder).thenComparingLong(SimCase::id))
                .toList();
    }

    // ---- fields, statuses, milestones ----

    synchronized SimField addCaseField(String name, String label, int typeId, List<SimFieldConfig> configs) {
        return addField(caseFields, name, label, typeId, configs);
    }

    synchronized SimField addResultField(String name, String label, int typeId, List<SimFieldConfig> configs) {
        return addField(resultFields, name, label, typeId, configs);
    }

    private SimField addField(List<SimField> kind, String name, String label, int typeId, List<SimFieldConfig> configs) {
        SimField field = new SimField(nextId++, name, label, typeId, true, configs);
        kind.add(field);
        return field;
    }

    synchronized List<SimField> caseFields() {
        return List.copyOf(caseFields);
    }

    synchronized List<SimField> resultFields() {
        return List.copyOf(resultFields);
    }

    /** A custom status: ids from 6, names custom_status1... */
    synchronized SimStatus addCustomStatus(String label) {
        int custom = (int) statuses.stream().filter(s -> !s.system()).count() + 1;
        SimStatus status = new SimStatus(5 + custom, "custom_status" + custom, label, false, false);
        statuses.add(status);
        return status;
    }

    synchronized List<SimStatus> statuses() {
        return List.copyOf(statuses);
    }

    synchronized SimMilestone addMilestone(long projectId, String name, boolean completed) {
        SimMilestone milestone = new SimMilestone(nextId++, projectId, name, completed);
        milestones.put(milestone.id(), milestone);
        return milestone;
    }

    synchronized List<SimMilestone> milestones(long projectId) {
        return select(milestones, m -> m.projectId() == projectId);
    }

    synchronized Optional<SimMilestone> milestone(long id) {
        return Optional.ofNullable(milestones.get(id));
    }

    // ---- configurations ----

    synchronized SimConfigGroup addConfigGroup(long projectId, String name, List<String> configNames) {
        long groupId = nextId++;
        List<SimConfigGroup.SimConfig> configs = new ArrayList<>();
        for (String config : configNames) {
            configs.add(new SimConfigGroup.SimConfig(nextId++, groupId, config));
        }
        SimConfigGroup group = new SimConfigGroup(groupId, projectId, name, configs);
        configGroups.put(groupId, group);
        return group;
    }

    synchronized List<SimConfigGroup> configGroups(long projectId) {
        return select(configGroups, g -> g.projectId() == projectId);
    }

    /** The configuration with this id in the project, if any. */
    synchronized Optional<SimConfigGroup.SimConfig> config(long projectId, long configId) {
        return configGroups(projectId).stream().flatMap(g -> g.configs().stream()).filter(c -> c.id() == configId)
                .findFirst();
    }

    synchronized List<Long> runConfigs(long runId) {
        return runConfigs.getOrDefault(runId, List.of());
    }

    synchronized List<Long> entryConfigs(String entryId) {
        return entryConfigs.getOrDefault(entryId, List.of());
    }

    // ---- runs, plans, tests, results ----

    /** A run with tests for {@code caseIds}, or for every case of the suite when {@code includeAll}. */
    synchronized SimRun addRun(long projectId, long suiteId, String name, String description, long milestoneId,
            boolean includeAll, List<Long> caseIds, long planId, String entryId) {
        SimRun run = new SimRun(nextId++, projectId, suiteId, name, description, milestoneId, includeAll, false, planId,
                entryId, List.of());
        runs.put(run.id(), run);
        testsByRun.put(run.id(), new LinkedHashMap<>());
        return replaceCases(run.id(), includeAll, caseIds);
    }

    /** Replaces a run's selection: tests of dropped cases go, new cases get untested tests. */
    synchronized SimRun replaceCases(long runId, boolean includeAll, List<Long> caseIds) {
        SimRun run = runs.get(runId);
        List<Long> selected = includeAll ? cases(run.suiteId()).stream().map(SimCase::id).toList()
                : caseIds.stream().distinct().toList();
        Map<Long, SimTest> tests = testsByRun.get(runId);
        tests.keySet().retainAll(new HashSet<>(selected));
        for (long caseId : selected) {
            tests.computeIfAbsent(caseId, c -> new SimTest(nextTestId++, runId, c, 3));
        }
        SimRun updated = run.withCases(includeAll, selected);
        runs.put(runId, updated);
        return updated;
    }

    synchronized SimRun closeRun(long runId) {
        SimRun closed = runs.get(runId).closed();
        runs.put(runId, closed);
        return closed;
    }

    synchronized Optional<SimRun> run(long id) {
        return Optional.ofNullable(runs.get(id));
    }

    synchronized List<SimRun> runs() {
        return List.copyOf(runs.values());
    }

    synchronized SimPlan addPlan(long projectId, String name, String description, long milestoneId) {
        SimPlan plan = new SimPlan(nextId++, projectId, name, description, milestoneId, false, List.of());
        plans.put(plan.id(), plan);
        return plan;
    }

    /** New plan entry ids start with {@code prefix} ("" for plain GUIDs). */
    synchronized void setEntryIdPrefix(String prefix) {
        entryIdPrefix = prefix;
    }

    /** An entry with one run of the given selection. */
    synchronized SimPlanEntry addPlanEntry(long planId, long suiteId, String name, String description,
            boolean includeAll, List<Long> caseIds) {
        return addPlanEntry(planId, suiteId, name, description, List.of(),
                List.of(new EntryRun(List.of(), includeAll, caseIds)));
    }

    /**
     * An entry with one run per element of {@code runs} (each run: its configuration ids, include_all
     * and case ids), and the entry's own configurations.
     */
    synchronized SimPlanEntry addPlanEntry(long planId, long suiteId, String name, String description,
            List<Long> configIds, List<EntryRun> runs) {
        SimPlan plan = plans.get(planId);
        String entryId = entryIdPrefix + UUID.randomUUID();
        List<Long> runIds = new ArrayList<>();
        for (EntryRun r : runs) {
            SimRun run = addRun(plan.projectId(), suiteId, name, description, plan.milestoneId(), r.includeAll(),
                    r.caseIds(), planId, entryId);
            runConfigs.put(run.id(), List.copyOf(r.configIds()));
            runIds.add(run.id());
        }
        entryConfigs.put(entryId, List.copyOf(configIds));
        SimPlanEntry entry = new SimPlanEntry(entryId, planId, suiteId, name, runIds);
        List<SimPlanEntry> entries = new ArrayList<>(plan.entries());
        entries.add(entry);
        plans.put(planId, plan.withEntries(entries));
        return entry;
    }

    /** One run of a new plan entry. */
    record EntryRun(List<Long> configIds, boolean includeAll, List<Long> caseIds) {}

    /** Removes an entry and its runs (tests and results included). */
    synchronized void deletePlanEntry(long planId, String entryId) {
        SimPlan plan = plans.get(planId);
        List<SimPlanEntry> entries = new ArrayList<>(plan.entries());
        entries.removeIf(e -> {
            if (!e.id().equals(entryId)) {
                return false;
            }
            e.runIds().forEach(this::dropRun);
            return true;
        });
        entryConfigs.remove(entryId);
        plans.put(planId, plan.withEntries(entries));
    }

    /** Removes a run with its tests and results (not from its plan entry). */
    private void dropRun(long runId) {
        runs.remove(runId);
        testsByRun.remove(runId);
        runConfigs.remove(runId);
        results.values().removeIf(r -> r.runId() == runId);
    }

    synchronized SimPlan closePlan(long planId) {
        SimPlan plan = plans.get(planId);
        plan.entries().forEach(e -> e.runIds().forEach(this::closeRun));
        SimPlan closed = plan.closed();
        plans.put(planId, closed);
        return closed;
    }

    synchronized Optional<SimPlan> plan(long id) {
        return Optional.ofNullable(plans.get(id));
    }

    synchronized List<SimPlan> plans() {
        return List.copyOf(plans.values());
    }

    synchronized List<SimTest> tests(long runId) {
        return List.copyOf(testsByRun.getOrDefault(runId, Map.of()).values());
    }

    synchronized Optional<SimTest> test(long runId, long caseId) {
        return Optional.ofNullable(testsByRun.getOrDefault(runId, Map.of()).get(caseId));
    }

    /** Stores one result and makes it the test's status. */
    synchronized SimResult addResult(long runId, long caseId, int statusId, String comment, String version,
            String elapsed, Map<String, Object> fields) {
        Map<Long, SimTest> tests = testsByRun.get(runId);
        SimTest test = tests.get(caseId);
        tests.put(caseId, new SimTest(test.id(), runId, caseId, statusId));
        SimResult result = new SimResult(nextResultId++, runId, test.id(), caseId, statusId, comment, version, elapsed,
                fields);
        results.put(result.id(), result);
        return result;
    }

    synchronized Optional<SimResult> result(long resultId) {
        return Optional.ofNullable(results.get(resultId));
    }

    synchronized Optional<SimUser> user(long userId) {
        return Optional.ofNullable(users.get(userId));
    }

    synchronized List<SimResult> results(long runId) {
        return select(results, r -> r.runId() == runId);
    }

    private static <T> List<T> select(Map<Long, T> map, Predicate<T> filter) {
        return map.values().stream().filter(filter).toList();
    }
}
