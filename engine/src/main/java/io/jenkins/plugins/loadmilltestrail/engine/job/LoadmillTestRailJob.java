package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillClient;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillRunner;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.report.JUnitReport;
import io.jenkins.plugins.loadmilltestrail.engine.report.ResultsFile;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PreflightReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailPreflight;
import io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailSync;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUrls;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.User;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The one entry point both front ends (CLI and Jenkins plugin) call. It only orders the steps of a
 * build; the steps themselves live in {@code engine.loadmill}, {@code engine.report},
 * {@code engine.testrail} and {@code engine.sync}.
 *
 * <ol>
 *   <li>validate all settings (before any network call), and remove an earlier run's results
 *       file, journal and JUnit report at this run's paths;
 *   <li>check the TestRail settings (credentials, project, existing run or plan, status map, suite
 *       map, milestone), so that a mistake fails before a long Loadmill run, not after it;
 *   <li>run Loadmill: start, wait, collect;
 *   <li>save the results file (and JUnit XML) before publishing;
 *   <li>publish to TestRail (journal beside the results file), or plan only for a dry run;
 *   <li>return the outcome.
 * </ol>
 *
 * <p>If publishing fails after the results were saved, a {@link PublishFailedException} with the
 * cause's kind says where the results are and how to finish, and carries the collected results.
 */
public final class LoadmillTestRailJob {
    /** The credentials check before Loadmill runs gives up quickly when TestRail does not answer. */
    private static final Duration PREFLIGHT_RETRY_WAIT = Duration.ofSeconds(10);

    private final OkHttpClient http;
    private final Clock clock;
    private final Duration publishLockWait;
    private final CaseCache caseCache;

    /** @param http the client for both services; Jenkins passes one with its proxy configuration */
    public LoadmillTestRailJob(OkHttpClient http) {
        this(http, Clock.systemUTC());
    }

    /** @param clock dates run names ({@code ${DATE}}) */
    public LoadmillTestRailJob(OkHttpClient http, Clock clock) {
        this(http, clock, TestRailSync.DEFAULT_LOCK_WAIT);
    }

    /**
     * @param publishLockWait how long a publish waits for another publish of the same results file
     *     to end before it stops (a configuration error)
     */
    public LoadmillTestRailJob(OkHttpClient http, Clock clock, Duration publishLockWait) {
        this(http, clock, publishLockWait, CaseCache.off());
    }

    private LoadmillTestRailJob(OkHttpClient http, Clock clock, Duration publishLockWait, CaseCache caseCache) {
        this.http = Objects.requireNonNull(http, "http");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.publishLockWait = Objects.requireNonNull(publishLockWait, "publishLockWait");
        this.caseCache = Objects.requireNonNull(caseCache, "caseCache");
    }

    /**
     * This job with publishes and dry runs reading suites' cases through {@code cache} (see
     * {@link CaseCache}); without it, every publish reads its suites in full.
     */
    public LoadmillTestRailJob withCaseCache(CaseCache cache) {
        return new LoadmillTestRailJob(http, clock, publishLockWait, cache);
    }

    /** Runs Loadmill, saves the results, then publishes them (or only plans, for a dry run). */
    public JobOutcome run(JobSettings settings, ProgressListener progress) throws InterruptedException {
        Collected collected = collect(settings, progress);
        return publishOrPlan(collected.results(), settings, progress).withPreflight(collected.preflight());
    }

    /**
     * As {@link #run(JobSettings, ProgressListener)}, calling {@code saved} between saving and
     * publishing; an {@link IOException} from the hook ends the job before publishing.
     */
    public JobOutcome run(JobSettings settings, ProgressListener progress, ResultsSavedHook saved)
            throws IOException, InterruptedException {
        Collected collected = collect(settings, progress);
        saved.resultsSaved(collected.results(), settings.resultsFile(), settings.junitFile());
        return publishOrPlan(collected.results(), settings, progress).withPreflight(collected.preflight());
    }

    /**
     * Publishes results saved by an earlier {@link #run}; resumes a publish that was cut off,
     * without duplicating anything already written (the journal beside the file says what was).
     */
    public JobOutcome publish(Path resultsFile, TestRailSettings testRail, PublishSettings publish, ProgressListener progress)
            throws InterruptedException {
        testRail.validated();
        CollectedResults results = load(resultsFile);
        try {
            return publish(results, resultsFile, testRail, publish, progress);
        } catch (EngineException e) {
            throw new PublishFailedException(e, resultsFile, results);
        }
    }

    /** Dry run from saved results: reads TestRail, computes the sync plan, writes nothing. */
    public JobOutcome plan(Path resultsFile, TestRailSettings testRail, PublishSettings publish, ProgressListener progress)
            throws InterruptedException {
        testRail.validated();
        return plan(load(resultsFile), testRail, publish, progress);
    }

    /**
     * For "Test connection": "Connected to TestRail at … as …", or an {@link EngineException} saying
     * what to fix. Leaves the host's shared rate limit as it is (see {@link TestRailClient#forConnectionCheck}).
     */
    public String checkTestRail(TestRailSettings testRail) throws InterruptedException {
        User user = TestRailClient.forConnectionCheck(testRail.validated(), http).currentUser();
        String who = user.name().isBlank() ? testRail.user()
                : user.name() + (user.email().isBlank() ? "" : " (" + user.email() + ")");
        return "Connected to TestRail at " + TestRailUrls.parseBase(testRail.baseUrl()) + " as " + who;
    }

    /** For "Test connection": "Connected to Loadmill at … (token accepted)", or an {@link EngineException}. */
    public String checkLoadmill(String baseUrl, String apiToken) throws InterruptedException {
        return new LoadmillClient(http, baseUrl, apiToken, new CallStats()).testConnection();
    }

    /** The collected results and what the TestRail preflight before Loadmill cost. */
    private record Collected(CollectedResults results, PreflightReport preflight) {}

    /** Validates, checks the TestRail settings (preflight), runs Loadmill and saves the results. */
    private Collected collect(JobSettings settings, ProgressListener progress) throws InterruptedException {
        settings.testRail().validated();
        ResultsFiles.checkWritable(settings.resultsFile(), "results file (--results)");
        settings.junitFile().ifPresent(f -> ResultsFiles.checkWritable(f, "JUnit report (--junit)"));
        ResultsFiles.removeEarlierRun(settings.resultsFile(), settings.junitFile());
        PreflightReport preflight = checkTestRailBeforeLoadmill(settings.testRail(), settings.publish(), progress);
        CollectedResults results = new LoadmillRunner(http, settings.loadmill(), progress).run();
        save(results, settings, progress);
        return new Collected(results, preflight);
    }

    private JobOutcome publishOrPlan(CollectedResults results, JobSettings settings, ProgressListener progress)
            throws InterruptedException {
        try {
            return settings.dryRun()
                    ? plan(results, settings.testRail(), settings.publish(), progress)
                    : publish(results, settings.resultsFile(), settings.testRail(), settings.publish(), progress);
        } catch (EngineException e) {
            throw new PublishFailedException(e, settings.resultsFile(), results);
        }
    }

    /**
     * Checks the TestRail settings before a possibly long Loadmill run, not after it: credentials,
     * project, status map, existing run or plan, suite map targets and milestone
     * ({@link TestRailPreflight}). TestRail being down is no reason to skip the tests: then it only
     * warns, and the results are kept for {@code publish}.
     */
    private PreflightReport checkTestRailBeforeLoadmill(TestRailSettings testRail, PublishSettings publish,
            ProgressListener progress) throws InterruptedException {
        TestRailSettings quick = testRail.withMaxRetryWait(min(testRail.maxRetryWait(), PREFLIGHT_RETRY_WAIT));
        return TestRailPreflight.check(new TestRailClient(quick, http, progress), publish, progress);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private JobOutcome publish(CollectedResults results, Path resultsFile, TestRailSettings testRail,
            PublishSettings publish, ProgressListener progress) throws InterruptedException {
        TestRailSync sync = new TestRailSync(new TestRailClient(testRail, http, progress), progress, clock, publishLockWait)
                .withCaseCache(caseCache);
        return new JobOutcome(results, sync.publish(results, publish, resultsFile));
    }

    private JobOutcome plan(CollectedResults results, TestRailSettings testRail, PublishSettings publish,
            ProgressListener progress) throws InterruptedException {
        TestRailSync.DryRun dryRun = new TestRailSync(new TestRailClient(testRail, http, progress), progress, clock)
                .withCaseCache(caseCache).dryRun(results, publish);
        return new JobOutcome(results, dryRun.report(), dryRun.text());
    }

    private static void save(CollectedResults results, JobSettings settings, ProgressListener progress) {
        Path file = settings.resultsFile();
        try {
            ResultsFile.write(results, file);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot write the results file " + file + " (" + e.getMessage()
                    + "); the Loadmill run's results are at " + results.runUrl() + ".");
        }
        progress.phase("Saved the results to " + progress.displayPath(file));
        settings.junitFile().ifPresent(junit -> {
            try {
                JUnitReport.write(results, junit);
                progress.info("Wrote the JUnit report " + progress.displayPath(junit));
            } catch (IOException e) {
                // The results file is what publishing needs; a missing JUnit report must not stop it.
                progress.warn("Cannot write the JUnit report " + progress.displayPath(junit) + " (" + e.getMessage() + ").");
            }
        });
    }

    private static CollectedResults load(Path file) {
        try {
            return ResultsFile.read(file);
        } catch (NoSuchFileException e) {
            throw new InvalidSettingsException("The results file " + file + " does not exist; pass the file written by "
                    + "`loadmill-testrail run` (its --results option).");
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot read the results file " + file + " (" + e.getMessage() + ").");
        }
    }
}
