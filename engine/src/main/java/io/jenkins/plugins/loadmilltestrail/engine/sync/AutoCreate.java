package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedCase;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSection;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedSuite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Creates the suites, sections and cases a {@link SyncPlan} needs (auto-create), level by level,
 * and converges with other publishes creating the same ones at the same time: parallel CI jobs
 * publishing into one plan. TestRail has neither transactions nor unique names, so after creating
 * a level the publish reads it again (get_suites; get_sections of each suite it created sections
 * in; get_cases of each section it created cases in). Where another entity with the same name, as
 * the matcher compares names, has a lower id, that older one is used from then on (ids, journal)
 * and the one just created is deleted. This relies on TestRail's ids increasing: of two publishes
 * that created the same thing, the later one sees the earlier one's at its read and moves onto
 * it, so both end on the oldest. The suite or section moved onto may already hold the sections or
 * cases this publish wanted next; they are looked up there (one get_sections or get_cases) before
 * any is created. Everything converges before a run or plan entry is created, so runs only ever
 * hold surviving cases.
 */
final class AutoCreate {
    private final TestRailApi api;
    private final PublishJournal journal;
    private final ProgressListener progress;
    private final Names names;
    private final CaseReads caseReads;
    /** Placeholder refs → the TestRail ids to use. */
    private final Map<Long, Long> ids = new HashMap<>();
    /** Suites and sections another publish created that this one moved onto: what it wants next may be there. */
    private final Set<Long> joinedSuites = new HashSet<>();
    private final Set<Long> joinedSections = new HashSet<>();

    /** A section of a suite, where cases are created. */
    private record In(long suiteId, long sectionId) {}

    /** What this publish created: the plan's ref, the name or title sent, TestRail's id. */
    private record Made(long ref, String name, long id) {}

    /** A delete that may be refused. */
    @FunctionalInterface
    private interface Delete {
        void run() throws InterruptedException;
    }

    /** @param names how the matcher compares names: two entities of one name are the same one */
    AutoCreate(TestRailApi api, PublishJournal journal, ProgressListener progress, Names names, CaseReads caseReads) {
        this.api = api;
        this.journal = journal;
        this.progress = progress;
        this.names = names;
        this.caseReads = caseReads;
    }

    /** Creates what the plan needs; returns its refs → the TestRail ids to use. */
    Map<Long, Long> create(SyncPlan plan) throws InterruptedException {
        long projectId = plan.project().id();
        suites(projectId, plan.newSuites());
        sections(projectId, plan.newSections());
        cases(projectId, plan.newCases());
        return Map.copyOf(ids);
    }

    private void suites(long projectId, List<PlannedSuite> planned) throws InterruptedException {
        List<Made> made = new ArrayList<>();
        for (PlannedSuite suite : planned) {
            long id = api.addSuite(projectId, suite.name(), "Created by Loadmill → TestRail for Loadmill suite "
                    + suite.name() + ".").id();
            journal.suiteCreated(suite.name(), id);
            ids.put(suite.ref(), id);
            made.add(new Made(suite.ref(), suite.name(), id));
            progress.info("Created suite '" + suite.name() + "' (S" + id + ")");
        }
        if (made.isEmpty()) {
            return;
        }
        List<Suite> all = api.getSuites(projectId);
        for (Made suite : made) {
            Optional<Suite> older = oldest(all, Suite::id, Suite::name, suite.name(), suite.id());
            if (older.isPresent()) {
                long keep = older.get().id();
                ids.put(suite.ref(), keep);
                journal.suiteCreated(suite.name(), keep);
                joinedSuites.add(keep);
                dropDuplicate("Suite '" + suite.name() + "'", "S" + keep, "S" + suite.id(),
                        () -> api.deleteSuite(suite.id()));
            }
        }
    }

    private void sections(long projectId, List<PlannedSection> planned) throws InterruptedException {
        Map<Long, List<Section>> found = new HashMap<>();
        for (PlannedSection section : planned) {
            long suiteId = id(section.suiteId());
            if (joinedSuites.contains(suiteId) && !found.containsKey(suiteId)) {
                found.put(suiteId, api.getSections(projectId, suiteId));
            }
        }
        Map<Long, List<Made>> made = new LinkedHashMap<>();
        for (PlannedSection section : planned) {
            long suiteId = id(section.suiteId());
            Optional<Section> there = oldest(found.getOrDefault(suiteId, List.of()), Section::id, Section::name,
                    section.name(), Long.MAX_VALUE);
            long id;
            if (there.isPresent()) {
                id = there.get().id();
                joinedSections.add(id);
                progress.info("Using section '" + section.name() + "' (" + id + ") that another publish created at the"
                        + " same time");
            } else {
                id = api.addSection(projectId, suiteId, section.name(), OptionalLong.empty()).id();
                made.computeIfAbsent(suiteId, k -> new ArrayList<>()).add(new Made(section.ref(), section.name(), id));
                progress.info("Created section '" + section.name() + "' (" + id + ")");
            }
            journal.sectionCreated(suiteId, section.name(), id);
            ids.put(section.ref(), id);
        }
        for (Map.Entry<Long, List<Made>> in : made.entrySet()) {
            long suiteId = in.getKey();
            List<Section> all = api.getSections(projectId, suiteId);
            for (Made section : in.getValue()) {
                Optional<Section> older = oldest(all, Section::id, Section::name, section.name(), section.id());
                if (older.isPresent()) {
                    long keep = older.get().id();
                    ids.put(section.ref(), keep);
                    journal.sectionCreated(suiteId, section.name(), keep);
                    joinedSections.add(keep);
                    dropDuplicate("Section '" + section.name() + "'", "section " + keep, "section " + section.id(),
                            () -> api.deleteSection(section.id()));
                }
            }
        }
    }

    private void cases(long projectId, List<PlannedCase> planned) throws InterruptedException {
        if (planned.isEmpty()) {
            return;
        }
        progress.info("Creating " + planned.size() + " case(s)");
        Map<Long, List<TestCase>> found = new HashMap<>();
        for (PlannedCase kase : planned) {
            long sectionId = id(kase.sectionId());
            if (joinedSections.contains(sectionId) && !found.containsKey(sectionId)) {
                found.put(sectionId, api.getCases(projectId, id(kase.suiteId()), sectionId));
            }
        }
        Map<In, List<Made>> made = new LinkedHashMap<>();
        int foundThere = 0;
        for (PlannedCase kase : planned) {
            long sectionId = id(kase.sectionId());
            Optional<TestCase> there = oldest(found.getOrDefault(sectionId, List.of()), TestCase::id, TestCase::title,
                    kase.title(), Long.MAX_VALUE);
            long id;
            if (there.isPresent()) {
                id = there.get().id();
                foundThere++;
            } else {
                id = api.addCase(sectionId, kase.body()).id();
                made.computeIfAbsent(new In(id(kase.suiteId()), sectionId), k -> new ArrayList<>())
                        .add(new Made(kase.ref(), kase.title(), id));
            }
            journal.caseCreated(sectionId, kase.title(), id);
            ids.put(kase.ref(), id);
        }
        if (foundThere > 0) {
            progress.info("Using " + foundThere + " case(s) that another publish created at the same time");
        }
        for (Map.Entry<In, List<Made>> in : made.entrySet()) {
            In where = in.getKey();
            List<TestCase> all = api.getCases(projectId, where.suiteId(), where.sectionId());
            for (Made kase : in.getValue()) {
                Optional<TestCase> older = oldest(all, TestCase::id, TestCase::title, kase.name(), kase.id());
                if (older.isPresent()) {
                    long keep = older.get().id();
                    ids.put(kase.ref(), keep);
                    journal.caseCreated(where.sectionId(), kase.name(), keep);
                    dropDuplicate("Case '" + kase.name() + "'", "C" + keep, "C" + kase.id(), () -> {
                        api.deleteCase(kase.id());
                        caseReads.deleted(projectId, where.suiteId(), kase.id());
                    });
                }
            }
        }
    }

    /** The oldest of {@code items} named {@code wanted} (as the matcher compares names) with an id below {@code below}. */
    private <T> Optional<T> oldest(List<T> items, ToLongFunction<T> id, Function<T, String> name, String wanted,
            long below) {
        String key = names.key(wanted);
        return items.stream().filter(i -> id.applyAsLong(i) < below && names.key(name.apply(i)).equals(key))
                .min(Comparator.comparingLong(id));
    }

    /**
     * Deletes this publish's duplicate of what another publish created at the same time. Deleting
     * only tidies up: when TestRail refuses it (a role that may not delete), the older one is used
     * all the same and a warning names the duplicate left behind.
     */
    private void dropDuplicate(String what, String kept, String duplicate, Delete delete) throws InterruptedException {
        String race = what + " was created by this and another publish at the same time; using " + kept
                + ", the older one";
        try {
            delete.run();
            progress.info(race + ", and deleted the duplicate " + duplicate);
        } catch (TestRailException e) {
            progress.warn(race + ". Could not delete the duplicate " + duplicate + " (TestRail: "
                    + (e.serverError().isBlank() ? e.getMessage() : e.serverError()) + "); delete it in TestRail.");
        }
    }

    private long id(long idOrRef) {
        return idOrRef >= 0 ? idOrRef : ids.get(idOrRef);
    }
}
