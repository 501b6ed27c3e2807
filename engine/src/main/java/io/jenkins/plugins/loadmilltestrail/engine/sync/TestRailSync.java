package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.FlowMatch;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.How;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan.PlannedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailAccessDeniedException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailBadRequestException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUrls;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Publishes collected Loadmill results to TestRail: read TestRail → plan ({@link SyncPlanner}) →
 * apply, with a journal beside the results file so that publishing again resumes. The front ends'
 * entry point for the sync.
 */
public final class TestRailSync {
    /** How long a publish waits for another publish of the same results file to end. */
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(30);

    private final TestRailApi api;
    private final ProgressListener progress;
    private final Clock clock;
    private final Duration lockWait;
    private CaseCache caseCache = CaseCache.off();

    /** A dry run's outcome: the plan, its text, and a report with nothing posted. */
    public record DryRun(SyncPlan plan, String text, PublishReport report) {}

    public TestRailSync(TestRailApi api, ProgressListener progress, Clock clock) {
        this(api, progress, clock, DEFAULT_LOCK_WAIT);
    }

    /** @param lockWait how long {@link #publish(CollectedResults, PublishSettings, Path)} waits for another publish of the file */
    public TestRailSync(TestRailApi api, ProgressListener progress, Clock clock, Duration lockWait) {
        this.api = api;
        this.progress = progress;
        this.clock = clock;
        this.lockWait = lockWait;
    }

    /**
     * Reads suites' cases through this cache (incrementally when it holds them) instead of in full;
     * {@link CaseCache#off()} by default. Returns this.
     */
    public TestRailSync withCaseCache(CaseCache cache) {
        this.caseCache = java.util.Objects.requireNonNull(cache, "cache");
        return this;
    }

    /** Reads TestRail and computes the whole plan; writes nothing. */
    public DryRun dryRun(CollectedResults results, PublishSettings settings) throws InterruptedException {
        Map<String, Long> before = api.stats().callsByMethod();
        Duration waitedBefore = api.stats().rateLimitWait();
        progress.phase("Planning the TestRail publish (dry run: nothing is written)");
        CaseReads caseReads = new CaseReads(api, caseCache, progress, clock);
        TestRailReader reader = new TestRailReader(api, progress, caseReads);
        Project project = reader.project(settings);
        Instant now = clock.instant();
        Map<String, Object> fields = reader.resultFields(results, settings, project, now);
        SyncPlan plan = plan(reader, caseReads, results, settings, project, now);
        assignee(settings);
        String text = SyncPlanText.render(plan) + resultFieldsText(fields) + cacheText(caseReads);
        plan.warnings().forEach(progress::warn);
        return new DryRun(plan, text, report(true, plan, new PlanApplier.Applied(OptionalLong.empty(), List.of(),
                Map.of()), PublishJournal.inMemory(), 0, before, waitedBefore));
    }

    /**
     * Publishes, journaling beside {@code resultsFile} ({@link PublishJournal#besides}); publishing
     * the same results file again resumes where an interrupted publish stopped. Holds the file's
     * publish lock throughout, so a concurrent publish of it waits (see {@link PublishLock}).
     */
    public PublishReport publish(CollectedResults results, PublishSettings settings, Path resultsFile)
            throws InterruptedException {
        try (PublishLock lock = PublishLock.acquire(resultsFile, lockWait, progress)) {
            return publish(results, settings, PublishJournal.open(PublishJournal.besides(resultsFile)));
        }
    }

    /** Publishes with the given journal ({@link PublishJournal#inMemory()} when nothing is to be resumed). */
    public PublishReport publish(CollectedResults results, PublishSettings settings, PublishJournal journal)
            throws InterruptedException {
        Map<String, Long> before = api.stats().callsByMethod();
        Duration waitedBefore = api.stats().rateLimitWait();
        progress.phase("Publishing to TestRail");
        CaseReads caseReads = new CaseReads(api, caseCache, progress, clock);
        TestRailReader reader = new TestRailReader(api, progress, caseReads);
        Project project = reader.project(settings);
        if (journal.bind(TestRailUrls.parseBase(api.baseUrl()), project.id(), results.runId())) {
            progress.info("Resuming from the publish journal: " + journal.postedCount() + " result(s) already posted");
        }
        int alreadyPosted = journal.postedCount();
        Instant now = clock.instant();
        Map<String, Object> fields = reader.resultFields(results, settings, project, now);
        SyncPlan plan = plan(reader, caseReads, results, settings, project, now);
        FailedResults failed = new FailedResults(api, progress, results, assignee(settings), settings.attachFailures());
        PlanApplier.Applied applied;
        try {
            plan.warnings().forEach(progress::warn);
            PlanApplier applier = new PlanApplier(api, journal, progress, settings.batchSize(), fields, failed,
                    reader.configurations(), autoCreate(journal, settings, caseReads));
            applied = (caseReads.servedFromCache() ? applier.stoppingOnRefusedCase() : applier).apply(plan);
        } catch (TestRailException e) {
            if (!caseReads.servedFromCache() || !CaseReads.refusesCaseId(e)) {
                throw e;
            }
            // A case deleted or moved to another suite since it was cached: what was created is in
            // the journal, so planning again from a full read and applying goes on without a second run.
            progress.warn("TestRail refused a case id from the case cache (" + e.serverError() + "); reading the suite(s)"
                    + " in full and planning again");
            caseReads.invalidate("TestRail refused a cached case id");
            plan = reader.plan(results, settings, project, now);
            plan.warnings().forEach(progress::warn);
            applied = new PlanApplier(api, journal, progress, settings.batchSize(), fields, failed,
                    reader.configurations(), autoCreate(journal, settings, caseReads)).apply(plan);
        }
        if (failed.attached() + failed.refused() > 0) {
            progress.info("Attached the failed requests of " + failed.attached() + " flow(s) to their results"
                    + (failed.refused() == 0 ? "" : "; " + failed.refused() + " attachment(s) refused by TestRail"));
        }
        PublishReport report = report(false, plan, applied, journal, alreadyPosted, before, waitedBefore);
        progress.info("Posted " + report.newlyPosted() + " result(s)"
                + (alreadyPosted == 0 ? "" : " (" + alreadyPosted + " already posted earlier)")
                + (report.rejected().isEmpty() ? "" : ", " + report.rejected().size() + " refused by TestRail")
                + (report.unmatchedFlows().isEmpty() ? "" : ", " + report.unmatchedFlows().size() + " flow(s) unmatched")
                + "; " + report.totalCalls() + " TestRail call(s)");
        return report;
    }

    private AutoCreate autoCreate(PublishJournal journal, PublishSettings settings, CaseReads caseReads) {
        return new AutoCreate(api, journal, progress, new Names(settings.caseSensitive()), caseReads);
    }

    /** The dry run's line about result fields: what every result carries. */
    private static String resultFieldsText(Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("Result fields on every result: ");
        fields.forEach((name, value) -> text.append(name).append('=').append(value).append(", "));
        return text.substring(0, text.length() - 2) + "\n";
    }

    /**
     * The id of the user failed tests are assigned to (one get_user_by_email), or empty when none
     * is set. An email TestRail does not know stops the publish before anything is written.
     */
    private OptionalLong assignee(PublishSettings settings) throws InterruptedException {
        if (settings.assignFailed().isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(api.userByEmail(settings.assignFailed()).id());
        } catch (TestRailBadRequestException e) {
            throw new SyncConfigurationException(List.of(AssignFailed.unknownUser(settings.assignFailed(), e)));
        } catch (TestRailAccessDeniedException e) {
            throw new SyncConfigurationException(List.of(AssignFailed.notAllowed(settings.assignFailed(), e)));
        }
    }

    /**
     * Plans; when cases came from the cache and planning finds a problem (an ambiguous title may be
     * a case deleted since), reads those suites in full and plans once more.
     */
    private SyncPlan plan(TestRailReader reader, CaseReads caseReads, CollectedResults results, PublishSettings settings,
            Project project, Instant now) throws InterruptedException {
        try {
            return reader.plan(results, settings, project, now);
        } catch (SyncConfigurationException e) {
            if (!caseReads.servedFromCache()) {
                throw e;
            }
            progress.info("Planning from the case cache found problems; reading the suite(s) in full to check them");
            caseReads.invalidate("planning from the cache found problems");
            return reader.plan(results, settings, project, now);
        }
    }

    private static String cacheText(CaseReads caseReads) {
        List<String> uses = caseReads.uses();
        if (uses.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\nCase cache:\n");
        uses.forEach(use -> text.append("  ").append(use).append('\n'));
        return text.toString();
    }

    private PublishReport report(boolean dryRun, SyncPlan plan, PlanApplier.Applied applied, PublishJournal journal,
            int alreadyPosted, Map<String, Long> callsBefore, Duration waitedBefore) {
        String base = api.baseUrl();
        Map<String, Long> runOf = new HashMap<>();
        for (int i = 0; i < applied.runs().size(); i++) {
            long runId = applied.runs().get(i).runId();
            plan.runs().get(i).results().stream().map(PlannedResult::key).forEach(k -> runOf.put(k, runId));
        }
        List<FlowOutcome> flows = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (FlowMatch f : plan.flows()) {
            long caseId = f.caseId() < 0 ? applied.ids().getOrDefault(f.caseId(), 0L) : f.caseId();
            Long runId = runOf.get(f.key());
            boolean posted = runId != null && journal.isPosted(runId, f.key());
            String note = f.note();
            if (f.how() == How.MISSING_CASE) {
                rejected.add(f.suiteName() + " / " + f.flowName() + ": " + note);
            }
            if (runId != null) {
                String refusal = journal.rejection(runId, f.key()).orElse("");
                if (!refusal.isEmpty()) {
                    rejected.add(f.suiteName() + " / " + f.flowName() + ": " + refusal);
                    note = "refused by TestRail: " + refusal;
                }
            }
            flows.add(new FlowOutcome(f.suiteName(), f.flowName(), f.loadmillStatus(),
                    caseId > 0 ? OptionalLong.of(caseId) : OptionalLong.empty(),
                    caseId > 0 ? TestRailUrls.caseUrl(base, caseId) : "", f.status().map(Status::label).orElse(""),
                    posted, note, dryRun || f.how() != How.CREATED ? SyncPlanText.label(f.how()) : "created"));
        }
        List<PublishedRun> runs = applied.runs().stream()
                .map(r -> new PublishedRun(r.runId(), r.suiteId(), r.name(), r.url())).toList();
        Map<String, Long> calls = new TreeMap<>();
        api.stats().callsByMethod().forEach((method, count) -> {
            long delta = count - callsBefore.getOrDefault(method, 0L);
            if (delta > 0) {
                calls.put(method, delta);
            }
        });
        int createdCases = dryRun ? plan.newCases().size() : journal.createdCases();
        // A resumed publish finds the cases it created earlier by name; they still count as created.
        int matchedCases = (int) Math.max(0, plan.flowsWithCase() - createdCases);
        return new PublishReport(dryRun, plan.project().name(), applied.planId(),
                applied.planId().isPresent() ? TestRailUrls.planUrl(base, applied.planId().getAsLong()) : "", runs,
                matchedCases,
                dryRun ? plan.newSuites().size() : journal.createdSuites(),
                dryRun ? plan.newSections().size() : journal.createdSections(),
                createdCases,
                dryRun ? 0 : journal.postedCount(), alreadyPosted, flows, plan.unmatchedFlows(), rejected, calls,
                calls.values().stream().mapToLong(Long::longValue).sum(),
                api.stats().rateLimitWait().minus(waitedBefore));
    }
}
