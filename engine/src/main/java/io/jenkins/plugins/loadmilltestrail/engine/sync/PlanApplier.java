package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal.Intent;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal.JournalRun;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedRun;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.Target;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.TargetKind;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailRequestTooLargeException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUrls;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Applies a complete {@link SyncPlan} to TestRail with the fewest writes, recording each in the
 * {@link PublishJournal} as it succeeds and skipping what the journal says is already done.
 * Order: suites, sections, cases ({@link AutoCreate}, which converges with publishes creating the
 * same at the same time), run or plan (or the existing run's selection), results in batches, close. Writes that create runs or plans, post results or close are journaled as
 * {@link Intent}s before they are sent; one left by an interrupted publish is looked for in
 * TestRail before it is sent again, since TestRail may have stored it without the answer arriving.
 */
final class PlanApplier {
    private final TestRailApi api;
    private final PublishJournal journal;
    private final ProgressListener progress;
    private final int batchSize;
    private final Map<String, Object> resultFields;
    private final FailedResults failed;
    /** Placeholder refs of created things → their TestRail ids. */
    private final Map<Long, Long> ids = new HashMap<>();
    private final List<Applied.Run> runs = new ArrayList<>();
    private OptionalLong planId = OptionalLong.empty();
    /** Runs an earlier, interrupted publish of these results created (to say "resuming"). */
    private final Set<Long> runsBefore;
    /** Whether a result batch refused for an unknown case id stops the publish instead of being split. */
    private boolean stopOnRefusedCase;

    /** A write to TestRail. */
    @FunctionalInterface
    private interface Write<T> {
        T send() throws InterruptedException;
    }

    /** Looks in TestRail for what an earlier, unconfirmed {@link Intent} wrote. */
    @FunctionalInterface
    private interface Lookup<T> {
        Optional<T> find(Intent earlier) throws InterruptedException;
    }

    /** What applying the plan produced, for the report. */
    record Applied(OptionalLong planId, List<Run> runs, Map<Long, Long> ids) {
        record Run(long runId, long suiteId, String name, String url) {}
    }

    /**
     * Runs this publish added cases to without having created them (an existing run, an existing
     * plan entry, a raced entry's run): other publishes may replace their selection at the same time.
     * Run id → entry id ("" outside plans).
     */
    private final Map<Long, String> shared = new HashMap<>();
    /** How often lost cases are added back and their results posted again before giving up. */
    private static final int KEEP_ROUNDS = 3;
    /** The configurations of this publish's plan runs (none: runs without configurations). */
    private final PlanConfigurations configurations;
    private final AutoCreate autoCreate;

    /**
     * @param resultFields custom result field values every result carries (system name → JSON value)
     * @param failed what to add to the results of failed flows (assignee, attachments); null for nothing
     * @param configurations the configurations of this publish's plan runs ({@link PlanConfigurations#NONE}: none)
     * @param autoCreate creates the suites, sections and cases the plan needs
     */
    PlanApplier(TestRailApi api, PublishJournal journal, ProgressListener progress, int batchSize,
            Map<String, Object> resultFields, FailedResults failed, PlanConfigurations configurations,
            AutoCreate autoCreate) {
        this.resultFields = Map.copyOf(resultFields);
        this.failed = failed;
        this.configurations = configurations;
        this.autoCreate = autoCreate;
        this.api = api;
        this.journal = journal;
        this.progress = progress;
        this.batchSize = batchSize;
        this.runsBefore = journal.runs().stream().map(JournalRun::runId).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The plan's case ids came partly from the case cache: a result batch TestRail refuses for an
     * unknown case id ({@link CaseReads#refusesCaseId}) is withdrawn and the refusal thrown, so the
     * caller can re-read TestRail and plan again, instead of recording the results as refused.
     */
    PlanApplier stoppingOnRefusedCase() {
        stopOnRefusedCase = true;
        return this;
    }

    Applied apply(SyncPlan plan) throws InterruptedException {
        if (!plan.needs().none()) {
            throw new IllegalStateException("a plan that still needs TestRail reads is never applied");
        }
        ids.putAll(autoCreate.create(plan));
        openRuns(plan);
        for (int i = 0; i < plan.runs().size(); i++) {
            postResults(plan.runs().get(i), runs.get(i).runId());
            keepCases(plan.runs().get(i), runs.get(i).runId());
        }
        close(plan.target());
        return new Applied(planId, runs, Map.copyOf(ids));
    }

    // ---- runs and plans --------------------------------------------------------------------

    private void openRuns(SyncPlan plan) throws InterruptedException {
        Target target = plan.target();
        String base = api.baseUrl();
        if (target.kind() == TargetKind.NEW_PLAN || target.kind() == TargetKind.EXISTING_PLAN) {
            long testPlan = target.kind() == TargetKind.EXISTING_PLAN ? target.existingId().getAsLong()
                    : journal.planId().orElse(0);
            if (testPlan == 0) {
                testPlan = createPlan(plan, target);
            }
            planId = OptionalLong.of(testPlan);
            for (PlannedRun run : plan.runs()) {
                runs.add(planEntry(testPlan, run, target));
            }
            return;
        }
        for (PlannedRun run : plan.runs()) {
            long suiteId = id(run.suiteId());
            List<Long> caseIds = caseIds(run);
            if (run.existingRunId().isPresent()) {
                long runId = run.existingRunId().getAsLong();
                List<Long> selection = caseIds;
                if (run.needsSelectionUpdate()) {
                    progress.info("Adding " + (caseIds.size() - run.selected().size()) + " case(s) to run R" + runId);
                    selection = addCases(runId, "", caseIds);
                }
                journal.run(suiteId, runId, "", false, selection);
                runs.add(new Applied.Run(runId, suiteId, target.name(), TestRailUrls.runUrl(base, runId)));
                continue;
            }
            JournalRun done = journal.runFor(suiteId).orElse(null);
            if (done != null) {
                runs.add(resumed(done, caseIds, target.name()));
                continue;
            }
            long projectId = plan.project().id();
            TestRun created = once(new Intent("add_run", suiteId, target.name(), List.of()),
                    earlier -> api.findRun(projectId, suiteId, earlier.name()),
                    () -> api.addRun(projectId, new NewRun(suiteId, target.name(), target.description(),
                            target.milestoneId(), caseIds, target.refs())));
            journal.run(suiteId, created.id(), "", true, caseIds);
            progress.info("Created run R" + created.id() + " with " + caseIds.size() + " case(s)");
            runs.add(new Applied.Run(created.id(), suiteId, target.name(), TestRailUrls.runUrl(base, created.id())));
        }
    }

    /** A run this publish created earlier: reused, with cases added when the plan now holds more. */
    private Applied.Run resumed(JournalRun done, List<Long> caseIds, String name) throws InterruptedException {
        if (!done.caseIds().containsAll(caseIds)) {
            Set<Long> union = new LinkedHashSet<>(done.caseIds());
            union.addAll(caseIds);
            if (done.entryId().isEmpty()) {
                api.updateRunCases(done.runId(), List.copyOf(union));
            } else {
                select(planId.orElseThrow(), done.runId(), done.entryId(), List.copyOf(union));
            }
            journal.run(done.suiteId(), done.runId(), done.entryId(), true, union);
        }
        if (runsBefore.contains(done.runId())) {
            progress.info("Resuming run R" + done.runId() + " from the publish journal");
        }
        return new Applied.Run(done.runId(), done.suiteId(), name, TestRailUrls.runUrl(api.baseUrl(), done.runId()));
    }

    private long createPlan(SyncPlan plan, Target target) throws InterruptedException {
        List<NewRun> entries = new ArrayList<>();
        for (PlannedRun run : plan.runs()) {
            entries.add(new NewRun(id(run.suiteId()), run.suiteName(), target.description(), OptionalLong.empty(),
                    caseIds(run), target.refs(), configurations.ids()));
        }
        long projectId = plan.project().id();
        TestPlan created = once(new Intent("add_plan", projectId, target.name(), List.of()),
                earlier -> api.findPlan(projectId, earlier.name()),
                () -> api.addPlan(projectId, new NewPlan(target.name(), target.description(), target.milestoneId(),
                        entries)));
        journal.planCreated(created.id());
        for (PlanEntry entry : created.entries()) {
            PlannedRun run = plan.runs().stream().filter(r -> id(r.suiteId()) == entry.suiteId()).findFirst().orElseThrow();
            TestRun mine = entry.runs().stream().filter(configurations::matches).findFirst().orElse(entry.runs().get(0));
            journal.run(entry.suiteId(), mine.id(), entry.id(), true, caseIds(run));
        }
        progress.info("Created plan P" + created.id() + " with " + created.entries().size() + " entries");
        return created.id();
    }

    private Applied.Run planEntry(long plan, PlannedRun run, Target target) throws InterruptedException {
        long suiteId = id(run.suiteId());
        List<Long> caseIds = caseIds(run);
        String name = run.suiteName();
        if (run.existingRunId().isPresent()) {
            long runId = run.existingRunId().getAsLong();
            List<Long> selection = caseIds;
            if (run.needsSelectionUpdate()) {
                progress.info("Adding " + (caseIds.size() - run.selected().size()) + " case(s) to plan run R" + runId);
                selection = addCases(runId, run.existingEntryId(), caseIds);
            }
            journal.run(suiteId, runId, run.existingEntryId(), false, selection);
            return new Applied.Run(runId, suiteId, name, TestRailUrls.runUrl(api.baseUrl(), runId));
        }
        JournalRun done = journal.runFor(suiteId).orElse(null);
        if (done != null) {
            return resumed(done, caseIds, name);
        }
        PlanEntry entry = once(new Intent("add_plan_entry", suiteId, name, List.of()),
                earlier -> findEntry(plan, suiteId, earlier.name()),
                () -> api.addPlanEntry(plan, new NewRun(suiteId, name, target.description(), OptionalLong.empty(),
                        caseIds, target.refs(), configurations.ids())));
        TestRun mine = entry.runs().stream().filter(configurations::matches).findFirst().orElse(entry.runs().get(0));
        journal.run(suiteId, mine.id(), entry.id(), true, caseIds);
        progress.info("Added plan entry for suite '" + name + "'" + (configurations.ids().isEmpty() ? ""
                : " with configurations " + configurations.label()) + " (run R" + mine.id() + ")");
        return reconcile(plan, suiteId, name, entry, mine, caseIds);
    }

    /**
     * TestRail has no transactions: another publish into the same plan (a parallel CI job) may have
     * added an entry for the same suite and configurations between this publish reading the plan and
     * adding its own. So the plan is read again; when an older such run exists, it is used: this
     * publish's cases are added to it (from its tests read right now), the journal is pointed at it,
     * and the duplicate entry this publish just added, which holds no results yet, is deleted. Every
     * racing publish picks the same, oldest run.
     */
    private Applied.Run reconcile(long plan, long suiteId, String name, PlanEntry entry, TestRun mine,
            List<Long> caseIds) throws InterruptedException {
        Optional<TestRun> oldest = configurations.view(api.getPlan(plan)).entries().stream()
                .filter(e -> e.suiteId() == suiteId).map(e -> e.runs().get(0)).findFirst();
        if (oldest.isEmpty() || oldest.get().id() >= mine.id()) {
            return new Applied.Run(mine.id(), suiteId, name, TestRailUrls.runUrl(api.baseUrl(), mine.id()));
        }
        TestRun keep = oldest.get();
        List<Long> union = addCases(keep.id(), keep.entryId(), caseIds);
        journal.run(suiteId, keep.id(), keep.entryId(), false, union);
        api.deletePlanEntry(plan, entry.id());
        progress.warn("Another publish added an entry for suite '" + name + "'" + (configurations.ids().isEmpty() ? ""
                : " with configurations " + configurations.label()) + " to plan P" + plan + " at the same time; "
                + "publishing into its run R" + keep.id() + " and removed the duplicate entry (run R" + mine.id() + ")");
        return new Applied.Run(keep.id(), suiteId, name, TestRailUrls.runUrl(api.baseUrl(), keep.id()));
    }

    /**
     * Adds cases to a run other publishes may change too. TestRail only replaces a selection, and has
     * no transactions, so the selection is read right before it is replaced: cases another publish
     * added meanwhile are kept. Returns the selection sent (or found complete).
     */
    private List<Long> addCases(long runId, String entryId, List<Long> caseIds) throws InterruptedException {
        Set<Long> union = new LinkedHashSet<>();
        api.getTests(runId).forEach(t -> union.add(t.caseId()));
        boolean missing = !union.containsAll(caseIds);
        union.addAll(caseIds);
        if (missing) {
            reselect(runId, entryId, List.copyOf(union));
        }
        shared.put(runId, entryId);
        return List.copyOf(union);
    }

    /**
     * After posting to a shared run: a publish that read its selection before this one added its
     * cases, and replaced it after, removed them (with the results this one posted). Read the run
     * again; add lost cases back and post their results again, a few rounds at most.
     */
    private void keepCases(PlannedRun run, long runId) throws InterruptedException {
        String entryId = shared.get(runId);
        if (entryId == null) {
            return;
        }
        for (int round = 1; ; round++) {
            Set<Long> present = new java.util.HashSet<>();
            api.getTests(runId).forEach(t -> present.add(t.caseId()));
            List<PlannedResult> lost = run.results().stream()
                    .filter(r -> journal.isPosted(runId, r.key()) && !present.contains(id(r.caseId()))).toList();
            if (lost.isEmpty()) {
                return;
            }
            if (round > KEEP_ROUNDS) {
                progress.warn("Other publishes keep replacing the cases of run R" + runId + "; " + lost.size()
                        + " result(s) of this publish are not in it. Publish the results file again when they are done.");
                return;
            }
            progress.warn("Another publish replaced the cases of run R" + runId + " at the same time and removed "
                    + lost.size() + " case(s) this publish posted to; adding them back and posting their results again");
            Set<Long> union = new LinkedHashSet<>(present);
            union.addAll(caseIds(run));
            reselect(runId, entryId, List.copyOf(union));
            for (List<PlannedResult> batch : ResultComments.batches(lost, batchSize,
                    r -> ResultComments.utf8(r.comment()))) {
                List<PostedResult> stored = api.addResultsForCases(runId, entries(batch));
                if (failed != null) {
                    // The results posted before went with the removed tests, their attachments too.
                    failed.attach(batch, stored);
                }
            }
        }
    }

    private void reselect(long runId, String entryId, List<Long> caseIds) throws InterruptedException {
        if (planId.isPresent()) {
            select(planId.getAsLong(), runId, entryId, caseIds);
        } else {
            api.updateRunCases(runId, caseIds);
        }
    }

    /** The entry an unconfirmed add_plan_entry made: its name, suite and this publish's configurations. */
    private Optional<PlanEntry> findEntry(long plan, long suiteId, String name) throws InterruptedException {
        return api.getPlan(plan).entries().stream()
                .filter(e -> e.suiteId() == suiteId && e.name().equals(name)
                        && e.runs().stream().anyMatch(configurations::matches))
                .reduce((first, second) -> second);
    }

    /**
     * Replaces the case selection of a plan run: of the one run (update_run_in_plan_entry) when it has
     * configurations, since its entry may hold runs of other configurations; else of its entry.
     */
    private void select(long plan, long runId, String entryId, List<Long> caseIds) throws InterruptedException {
        if (configurations.ids().isEmpty()) {
            api.updatePlanEntryCases(plan, entryId, caseIds);
        } else {
            api.updateRunInPlanEntryCases(runId, caseIds);
        }
    }

    // ---- results ---------------------------------------------------------------------------

    private void postResults(PlannedRun run, long runId) throws InterruptedException {
        confirmEarlierBatches(run, runId);
        Set<Long> inRun = new LinkedHashSet<>(caseIds(run));
        List<PlannedResult> pending = new ArrayList<>();
        for (PlannedResult result : run.results()) {
            if (journal.isPosted(runId, result.key()) || journal.rejection(runId, result.key()).isPresent()) {
                continue;
            }
            // Checked before posting: one stray case would make TestRail refuse the whole batch.
            if (!inRun.contains(id(result.caseId()))) {
                journal.rejected(runId, result.key(), "case C" + id(result.caseId()) + " is not in run R" + runId);
                continue;
            }
            pending.add(result);
        }
        if (pending.isEmpty()) {
            return;
        }
        progress.info("Posting " + pending.size() + " result(s) to run R" + runId);
        for (List<PlannedResult> batch : ResultComments.batches(pending, batchSize,
                r -> ResultComments.utf8(r.comment()))) {
            post(runId, batch);
        }
    }

    /**
     * Batches an interrupted publish sent to this run without journaling their success: those
     * TestRail stored are journaled as posted, the others are posted again like any pending result.
     */
    private void confirmEarlierBatches(PlannedRun run, long runId) throws InterruptedException {
        for (Intent earlier : journal.pendingResults(runId)) {
            List<PlannedResult> batch = run.results().stream().filter(r -> earlier.flowRunIds().contains(r.key()))
                    .toList();
            if (batch.size() == earlier.flowRunIds().size() && api.findResults(runId, entries(batch)).isPresent()) {
                journal.posted(runId, earlier.flowRunIds());
                progress.info("Found " + batch.size() + " result(s) an interrupted publish posted to run R" + runId
                        + " in TestRail; not posting them again");
            } else {
                journal.withdraw(earlier);
            }
        }
    }

    /**
     * Posts one batch; when TestRail refuses it (all-or-nothing), halves it to isolate the bad
     * entries. A batch too large for TestRail's web server or a proxy before it (413, nothing
     * stored) is halved the same way, so that a body-size limit below the batch cap costs calls,
     * not results.
     */
    private void post(long runId, List<PlannedResult> batch) throws InterruptedException {
        List<String> keys = batch.stream().map(PlannedResult::key).toList();
        Intent intent = new Intent(PublishJournal.RESULTS, runId, "", keys);
        journal.intend(intent);
        try {
            List<PostedResult> stored = api.addResultsForCases(runId, entries(batch));
            journal.posted(runId, keys);
            if (failed != null) {
                failed.attach(batch, stored);
            }
        } catch (TestRailException e) {
            // TestRail names the results field when an entry is at fault ("Field :results..."); any
            // other refusal (closed run, no access) would refuse every half too, so it is not split.
            boolean tooLarge = e instanceof TestRailRequestTooLargeException;
            if (!tooLarge && (e.httpStatus() != 400 || !e.serverError().contains(":results"))) {
                throw e;
            }
            journal.withdraw(intent);
            if (stopOnRefusedCase && CaseReads.refusesCaseId(e)) {
                throw e;
            }
            if (batch.size() == 1) {
                String reason = tooLarge ? "the result alone is too large for TestRail or a proxy in front of it"
                        + " (HTTP 413); raise its request size limit" : e.serverError().isBlank() ? e.getMessage() : e.serverError();
                journal.rejected(runId, batch.get(0).key(), reason);
                progress.warn("TestRail refused the result of " + batch.get(0).suiteName() + " / "
                        + batch.get(0).flowName() + ": " + reason);
                return;
            }
            int half = batch.size() / 2;
            post(runId, batch.subList(0, half));
            post(runId, batch.subList(half, batch.size()));
        }
    }

    private void close(Target target) throws InterruptedException {
        if (!target.close() || journal.isClosed() || runs.isEmpty()) {
            return;
        }
        if (planId.isPresent()) {
            long id = planId.getAsLong();
            once(new Intent("close_plan", id, "", List.of()),
                    earlier -> Optional.of(api.getPlan(id)).filter(TestPlan::completed), () -> api.closePlan(id));
            progress.info("Closed plan P" + id);
        } else {
            for (Applied.Run run : runs) {
                long id = run.runId();
                once(new Intent("close_run", id, "", List.of()),
                        earlier -> Optional.of(api.getRun(id)).filter(TestRun::completed), () -> api.closeRun(id));
                progress.info("Closed run R" + id);
            }
        }
        journal.closed();
    }

    /**
     * Sends a write at most once across interrupted publishes: when an earlier publish journaled the
     * same intent without its success, what it wrote is looked for in TestRail first and, if found,
     * taken as the answer. Otherwise the intent is journaled and the write sent.
     */
    private <T> T once(Intent intent, Lookup<T> lookup, Write<T> write) throws InterruptedException {
        Optional<Intent> earlier = journal.pending(intent.write(), intent.target());
        if (earlier.isPresent()) {
            Optional<T> found = lookup.find(earlier.get());
            if (found.isPresent()) {
                progress.info("Found the " + intent.write() + " an interrupted publish sent in TestRail; not sending"
                        + " it again");
                return found.get();
            }
        }
        journal.intend(intent);
        try {
            return write.send();
        } catch (TestRailException e) {
            // A 400 is a refusal: TestRail stored nothing, so there is nothing to look for later.
            if (e.httpStatus() == 400) {
                journal.withdraw(intent);
            }
            throw e;
        }
    }

    private List<ResultEntry> entries(List<PlannedResult> batch) {
        return batch.stream().map(r -> new ResultEntry(id(r.caseId()), r.status().id(), r.comment(), r.elapsed(),
                r.version(), fields(r))).toList();
    }

    /** The result fields every result carries, and what the result of a failed flow gets too (its assignee). */
    private Map<String, Object> fields(PlannedResult r) {
        if (failed == null) {
            return resultFields;
        }
        Map<String, Object> fields = new java.util.LinkedHashMap<>(resultFields);
        fields.putAll(failed.fields(r));
        return fields;
    }

    private List<Long> caseIds(PlannedRun run) {
        return run.caseIds().stream().map(this::id).distinct().toList();
    }

    private long id(long idOrRef) {
        if (idOrRef >= 0) {
            return idOrRef;
        }
        Long id = ids.get(idOrRef);
        if (id == null) {
            throw new IllegalStateException("plan refers to " + idOrRef + " before creating it");
        }
        return id;
    }
}
