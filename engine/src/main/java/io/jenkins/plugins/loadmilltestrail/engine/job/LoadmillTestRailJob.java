package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.nio.file.Path;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The one entry point both front ends (CLI and Jenkins plugin) call. It only orders the steps of a
 * build; the steps themselves live in {@code engine.loadmill}, {@code engine.report},
 * {@code engine.testrail} and {@code engine.sync}.
 *
 * <ol>
 *   <li>validate all settings (before any network call);
 *   <li>run Loadmill: start, wait, collect;
 *   <li>save the results file (and JUnit XML) before publishing;
 *   <li>publish to TestRail (journal beside the results file), or plan only for a dry run;
 *   <li>return the outcome.
 * </ol>
 *
 * <p>If publishing fails after the results were saved, a {@link PublishFailedException} with the
 * cause's kind says where the results are and how to finish.
 */
public final class LoadmillTestRailJob {
    private final OkHttpClient http;

    /** @param http the client for both services; Jenkins passes one with its proxy configuration */
    public LoadmillTestRailJob(OkHttpClient http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /** Runs Loadmill, saves the results, then publishes them (or only plans, for a dry run). */
    public JobOutcome run(JobSettings settings, ProgressListener progress) throws InterruptedException {
        validate(settings.testRail(), settings.publish());
        ResultsFiles.checkWritable(settings.resultsFile(), "results file");
        settings.junitFile().ifPresent(f -> ResultsFiles.checkWritable(f, "JUnit file"));
        CollectedResults results = steps().runLoadmill(settings.loadmill(), progress);
        steps().save(results, settings.resultsFile(), settings.junitFile(), progress);
        return settings.dryRun()
                ? plan(results, settings.resultsFile(), settings.testRail(), settings.publish(), progress)
                : publish(results, settings.resultsFile(), settings.testRail(), settings.publish(), progress);
    }

    /**
     * Publishes results saved by an earlier {@link #run}; resumes a publish that was cut off,
     * without duplicating anything already written (the journal beside the file says what was).
     */
    public JobOutcome publish(Path resultsFile, TestRailSettings testRail, PublishSettings publish, ProgressListener progress)
            throws InterruptedException {
        validate(testRail, publish);
        CollectedResults results = steps().load(resultsFile);
        return publish(results, resultsFile, testRail, publish, progress);
    }

    /** Dry run from saved results: reads TestRail, computes the sync plan, writes nothing. */
    public JobOutcome plan(Path resultsFile, TestRailSettings testRail, PublishSettings publish, ProgressListener progress)
            throws InterruptedException {
        validate(testRail, publish);
        CollectedResults results = steps().load(resultsFile);
        return plan(results, resultsFile, testRail, publish, progress);
    }

    /** For "Test connection": "Connected to TestRail at … as …", or a {@link EngineException}. */
    public String checkTestRail(TestRailSettings testRail) throws InterruptedException {
        testRail.validated();
        return steps().checkTestRail(testRail);
    }

    /** For "Test connection": "Connected to Loadmill at … as …", or a {@link EngineException}. */
    public String checkLoadmill(String baseUrl, String apiToken) throws InterruptedException {
        return steps().checkLoadmill(baseUrl, apiToken);
    }

    private JobOutcome publish(CollectedResults results, Path resultsFile, TestRailSettings testRail,
            PublishSettings publish, ProgressListener progress) throws InterruptedException {
        try {
            return new JobOutcome(results, steps().publish(results, resultsFile, testRail, publish, progress));
        } catch (EngineException e) {
            throw new PublishFailedException(e, resultsFile);
        }
    }

    private JobOutcome plan(CollectedResults results, Path resultsFile, TestRailSettings testRail,
            PublishSettings publish, ProgressListener progress) throws InterruptedException {
        return steps().plan(results, resultsFile, testRail, publish, progress);
    }

    private static void validate(TestRailSettings testRail, PublishSettings publish) {
        testRail.validated();
        Objects.requireNonNull(publish, "publish");
    }

    private Steps steps() {
        return new Steps(http);
    }
}
