package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Util;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.engine.job.FlowCounts;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobSettings;
import io.jenkins.plugins.loadmilltestrail.engine.job.PublishFailedException;
import io.jenkins.plugins.loadmilltestrail.engine.job.ResultsSavedHook;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillParameters;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.FlowOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishedRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The one adapter the step and the recorder share (as junit's {@code parseAndSummarize}): job
 * fields → engine settings, credential ids → strings, build log → engine progress, engine results →
 * build page, return value and build result. Nothing here decides how to run Loadmill or publish
 * to TestRail; the engine does.
 *
 * <p>Runs on the controller (the step's background thread or the freestyle build's executor). The
 * engine writes its files in the build's directory on the controller; copies go into the workspace,
 * which may be on an agent, through {@link FilePath}, before anything is published.
 */
final class JobRunner {
    /**
     * The build's own copy of the engine's files: {@code <build dir>/loadmill-testrail/<call>/}, one
     * directory per call, so that several calls in one build (sequential, or in parallel branches)
     * never share a results file, JUnit file or publish journal.
     */
    static final String BUILD_DIR_NAME = "loadmill-testrail";

    /** Serializes numbering and adding the build actions of concurrent calls in one build. */
    private static final Object ACTIONS_LOCK = new Object();

    static final String TESTRAIL_KIND = "Username with password (TestRail login and API key)";
    static final String LOADMILL_KIND = "Secret text (Loadmill API token)";

    private JobRunner() {}

    /** What the front end does with the outcome: the summary to return and the result to set. */
    record Outcome(
            Map<String, Object> summary, @CheckForNull Result result, String warning) {}

    /**
     * @param callName a name for this call's directory that is unique within the build (the step's
     *     flow node), or null to number the calls ({@code call-1}, {@code call-2}...)
     */
    static Outcome run(
            JobFields job,
            Run<?, ?> run,
            @CheckForNull FilePath workspace,
            EnvVars env,
            TaskListener listener,
            @CheckForNull String callName)
            throws IOException, InterruptedException {
        LoadmillTestRailConfiguration global = LoadmillTestRailConfiguration.get();
        ProgressListener progress =
                new BuildLogListener(listener, run.getRootDir().toPath());

        // 1. Settings, before any network call. Engine validation errors are user errors: no stack trace.
        checkWorkspacePath(job.getResultsFile());
        checkWorkspacePath(job.getJunitFile());
        String testRailUrl = Util.fixNull(global.getTestRailUrl());
        String loadmillUrl = global.getLoadmillUrl();
        PublishRequest request = PublishRequest.of(job, global, env, run);
        StandardUsernamePasswordCredentials testRailCredentials =
                testRailCredentials(request.testRailCredentialsId(), run, testRailUrl);
        StringCredentials loadmillCredentials = CredentialsLookup.findForRun(
                PublishRequest.firstNonBlank(job.getLoadmillCredentialsId(), global.getLoadmillCredentialsId()),
                StringCredentials.class,
                run,
                loadmillUrl,
                LOADMILL_KIND,
                "the Loadmill API token");
        LoadmillSettings loadmillSettings;
        TestRailSettings testRailSettings;
        PublishSettings publishSettings;
        try {
            loadmillSettings = loadmillSettings(job, global, env, run, loadmillUrl, loadmillCredentials);
            testRailSettings = testRailSettings(global, testRailCredentials);
            publishSettings = request.toSettings();
        } catch (EngineException e) {
            throw new AbortException(e.getMessage());
        }

        // 2. Run Loadmill, save, publish: the engine orders it. The engine's files go to the build's
        //    directory on the controller; the hook copies them into the workspace (possibly on an
        //    agent) after they are written and before anything is published.
        Path dir = callDirectory(run.getRootDir(), callName);
        Path localResults = dir.resolve("results.json");
        Path localJUnit = dir.resolve("junit.xml");
        List<String> written = new ArrayList<>(List.of("", ""));
        ResultsSavedHook copyIntoWorkspace = (results, resultsFile, junitFile) -> {
            if (workspace == null) {
                progress.info("No workspace (the step runs outside node): the results file and JUnit XML are kept "
                        + "with the build only.");
                return;
            }
            progress.info("Results file: "
                    + WorkspaceFiles.copyIntoWorkspace(resultsFile.toFile(), workspace, job.getResultsFile()));
            written.set(0, job.getResultsFile());
            if (junitFile.isPresent() && Files.exists(junitFile.get())) {
                progress.info("JUnit XML: "
                        + WorkspaceFiles.copyIntoWorkspace(junitFile.get().toFile(), workspace, job.getJunitFile()));
                written.set(1, job.getJunitFile());
            }
        };
        JobSettings settings = new JobSettings(
                loadmillSettings, testRailSettings, publishSettings, localResults, Optional.of(localJUnit));
        JobOutcome outcome;
        try {
            outcome = EngineCalls.job().run(settings, progress, copyIntoWorkspace);
        } catch (PublishFailedException e) {
            // Loadmill ran and its results were saved: show them beside the TestRail error, with the
            // button that publishes them again.
            LoadmillTestRailAction shown = addAction(run, e.collected(), null, e.reason(), request, dir);
            String advice = publishFailedAdvice(e.reason(), shown.title());
            Result publishErrorResult = result(job.getPublishErrorResult());
            if (Result.FAILURE.equals(publishErrorResult)) {
                throw new AbortException(advice);
            }
            // publishErrorResult UNSTABLE or UNCHANGED: publishing must not fail this build.
            progress.warn(advice);
            return outcome(
                    job,
                    e.collected(),
                    summary(e.collected(), null, e.reason(), written.get(0), written.get(1)),
                    publishErrorResult,
                    "Not published to TestRail: " + e.reason());
        } catch (EngineException e) {
            throw new AbortException(e.getMessage());
        } catch (AbortException e) {
            throw e;
        } catch (IOException e) {
            // From the hook: copying into the workspace failed; nothing was published.
            throw new AbortException("Could not copy the Loadmill results into the workspace: " + e.getMessage()
                    + ". They are kept with the build (" + keptAs(dir, localResults)
                    + " in the build's directory); nothing was published to TestRail.");
        }
        PublishReport report = outcome.report();
        // The engine warns with the count; name them (refused results it names itself).
        report.unmatchedFlows().forEach(f -> progress.info("No TestRail case for " + f));

        // 3. Build page, return value, build result.
        addAction(run, outcome.results(), report, null, request, dir);
        return outcome(
                job,
                outcome.results(),
                summary(outcome.results(), report, "", written.get(0), written.get(1)),
                null,
                "");
    }

    /**
     * The build result and warning for this call: the worse of what the failed flows ask for
     * ({@code failedFlowsResult}) and {@code otherResult}, with {@code otherWarning} first.
     */
    private static Outcome outcome(
            JobFields job,
            CollectedResults results,
            Map<String, Object> summary,
            @CheckForNull Result otherResult,
            String otherWarning) {
        Result result = otherResult;
        List<String> warnings = new ArrayList<>();
        if (!otherWarning.isEmpty()) {
            warnings.add(otherWarning);
        }
        if (!JobOutcome.allPassed(results)) {
            FlowCounts counts = FlowCounts.of(results);
            warnings.add(counts.failed() + " of " + counts.total() + " Loadmill flows did not pass");
            Result forFlows = result(job.getFailedFlowsResult());
            result = result == null ? forFlows : forFlows == null ? result : result.combine(forFlows);
        }
        return new Outcome(summary, result, String.join("; ", warnings));
    }

    /** A job's result setting: FAILURE, UNSTABLE (also for anything else) or null for UNCHANGED. */
    @CheckForNull
    private static Result result(String setting) {
        return switch (setting) {
            case JobFields.RESULT_FAILURE -> Result.FAILURE;
            case JobFields.RESULT_UNCHANGED -> null;
            default -> Result.UNSTABLE;
        };
    }

    /**
     * Creates this call's directory under {@code <build dir>/loadmill-testrail/}: {@code
     * <callName>} when given (reused if it exists), else the first free {@code call-<n>}; creating
     * a directory is atomic, so concurrent calls never get the same number.
     */
    static Path callDirectory(File buildDir, @CheckForNull String callName) throws IOException {
        Path base = Files.createDirectories(new File(buildDir, BUILD_DIR_NAME).toPath());
        if (callName != null) {
            return Files.createDirectories(base.resolve(callName.replaceAll("[^A-Za-z0-9_.-]", "_")));
        }
        for (int n = 1; ; n++) {
            try {
                return Files.createDirectory(base.resolve("call-" + n));
            } catch (FileAlreadyExistsException e) {
                // taken by an earlier or concurrent call: try the next number
            }
        }
    }

    /**
     * One action per call, numbered in the order the calls finish; each has its own URL
     * ({@code loadmill-testrail}, {@code loadmill-testrail-2}...), so no call hides another's results.
     */
    private static LoadmillTestRailAction addAction(
            Run<?, ?> run,
            CollectedResults results,
            @CheckForNull PublishReport report,
            @CheckForNull String error,
            PublishRequest request,
            Path callDir) {
        synchronized (ACTIONS_LOCK) {
            int ordinal = run.getActions(LoadmillTestRailAction.class).size() + 1;
            LoadmillTestRailAction action = action(ordinal, results, report, error, request, callDir);
            run.addAction(action);
            return action;
        }
    }

    /** A kept file's path relative to the build's directory, e.g. loadmill-testrail/node-12/results.json. */
    private static String keptAs(Path callDir, Path file) {
        return BUILD_DIR_NAME + "/" + callDir.getFileName() + "/" + file.getFileName();
    }

    /** Puts {@code replacement} where {@code current} was (same ordinal, same URL) and saves the build. */
    static void replaceAction(Run<?, ?> run, LoadmillTestRailAction current, LoadmillTestRailAction replacement)
            throws IOException {
        synchronized (ACTIONS_LOCK) {
            run.removeAction(current);
            run.addAction(replacement);
        }
        run.save();
    }

    /**
     * The build log's advice when TestRail failed after Loadmill ran. Re-running the build starts a
     * new Loadmill run; the button on the build's page publishes these results instead, resuming from
     * the journal kept with the build.
     */
    static String publishFailedAdvice(String reason, String pageName) {
        return reason + " The Loadmill results are kept with this build and shown on its \"" + pageName + "\" page."
                + " When TestRail is back (or its settings are fixed), press \"Publish to"
                + " TestRail again\" there: it publishes these results without running Loadmill again and without"
                + " repeating what this publish already wrote. Re-running the build instead starts a new Loadmill run.";
    }

    /** The TestRail credential for a run, failing with the id and the kind expected. */
    static StandardUsernamePasswordCredentials testRailCredentials(
            @CheckForNull String id, Run<?, ?> run, String testRailUrl) throws AbortException {
        return CredentialsLookup.findForRun(
                id,
                StandardUsernamePasswordCredentials.class,
                run,
                testRailUrl,
                TESTRAIL_KIND,
                "the TestRail credentials");
    }

    /** TestRail as configured on Manage Jenkins → System, signed in with the credential. */
    static TestRailSettings testRailSettings(
            LoadmillTestRailConfiguration global, StandardUsernamePasswordCredentials credentials) {
        HttpLimits limits = global.httpLimits();
        return TestRailSettings.of(
                        Util.fixNull(global.getTestRailUrl()),
                        credentials.getUsername(),
                        credentials.getPassword().getPlainText())
                .withRequestsPerMinute(global.getTestRailRequestsPerMinute())
                .withMaxRetryWait(Duration.ofSeconds(global.getTestRailRetryWaitSeconds()))
                .withTimeouts(limits.connectTimeout(), limits.readTimeout())
                .withCallTimeout(limits.callTimeout());
    }

    private static void checkWorkspacePath(String path) throws AbortException {
        String problem = WorkspaceFiles.problemWith(path);
        if (problem != null) {
            throw new AbortException("Workspace path '" + path + "': " + problem);
        }
    }

    /** Build variables for templates: a fixed, secret-free set. */
    static Map<String, String> variables(EnvVars env, Run<?, ?> run) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("JOB_NAME", run.getParent().getFullName());
        variables.put("BUILD_NUMBER", String.valueOf(run.getNumber()));
        variables.put("BUILD_URL", buildUrl(env, run));
        for (String name : List.of("JOB_BASE_NAME", "BUILD_DISPLAY_NAME", "BUILD_TAG", "BRANCH_NAME", "GIT_COMMIT")) {
            String value = env.get(name);
            if (value != null) {
                variables.put(name, value);
            }
        }
        return variables;
    }

    private static String buildUrl(EnvVars env, Run<?, ?> run) {
        String fromEnv = env.get("BUILD_URL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        String root = Jenkins.get().getRootUrl();
        return root == null ? run.getUrl() : root + run.getUrl();
    }

    private static LoadmillSettings loadmillSettings(
            JobFields job,
            LoadmillTestRailConfiguration global,
            EnvVars env,
            Run<?, ?> run,
            String loadmillUrl,
            StringCredentials credentials) {
        String description = job.getAdditionalDescription();
        if (description == null) {
            description = run.getParent().getFullName() + " #" + run.getNumber() + " " + buildUrl(env, run);
        }
        Integer timeout = job.getTimeoutMinutes();
        return LoadmillSettings.builder()
                .baseUrl(loadmillUrl)
                .apiToken(credentials.getSecret().getPlainText())
                .testPlanId(env.expand(job.getTestPlanId()))
                .suiteIds(list(env.expand(job.getSuiteIds()), "[,\\s]+"))
                .labels(list(env.expand(job.getLabels()), "[,\\n]+"))
                .labelsExpression(env.expand(job.getLabelsExpression()))
                .tags(list(env.expand(job.getTags()), "[,\\n]+"))
                .pool(env.expand(job.getPool()))
                .parallel(job.getParallel())
                .branch(env.expand(job.getBranch()))
                .maxFlakyFlowRetries(job.getRetryFailedFlows())
                .parameters(LoadmillParameters.parse(env.expand(job.getParameters())))
                .additionalDescription(env.expand(description))
                .pollInterval(Duration.ofSeconds(global.getLoadmillPollIntervalSeconds()))
                .connectTimeout(global.httpLimits().connectTimeout())
                .readTimeout(global.httpLimits().readTimeout())
                .callTimeout(global.httpLimits().callTimeout())
                .timeout(Duration.ofMinutes(
                        timeout == null || timeout < 1 ? global.getLoadmillTimeoutMinutes() : timeout))
                .build();
    }

    /** Values separated by {@code separators} (ids: commas or spaces; labels and tags may hold spaces). */
    private static List<String> list(@CheckForNull String text, String separators) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(separators))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The build page of one call: what Loadmill reported, and what TestRail got (or why it got nothing). */
    static LoadmillTestRailAction action(
            int ordinal,
            CollectedResults results,
            @CheckForNull PublishReport report,
            @CheckForNull String error,
            PublishRequest request,
            Path callDir) {
        FlowCounts counts = FlowCounts.of(results);
        List<LoadmillTestRailAction.Link> runs = new ArrayList<>();
        List<LoadmillTestRailAction.FlowRow> rows = new ArrayList<>();
        Map<String, String> flowUrls = new LinkedHashMap<>();
        for (FlowResult flow : (Iterable<FlowResult>) results.flows()::iterator) {
            flowUrls.putIfAbsent(flow.suiteName() + "\u0000" + flow.name(), flow.url());
        }
        if (report != null) {
            for (PublishedRun published : report.runs()) {
                runs.add(new LoadmillTestRailAction.Link(
                        "R" + published.runId() + " " + published.name(), published.url()));
            }
            for (FlowOutcome outcome : report.flows()) {
                rows.add(new LoadmillTestRailAction.FlowRow(
                        outcome.suiteName(),
                        outcome.flowName(),
                        outcome.loadmillStatus(),
                        flowUrls.get(outcome.suiteName() + "\u0000" + outcome.flowName()),
                        outcome.caseId().isPresent() ? "C" + outcome.caseId().getAsLong() : "",
                        outcome.caseUrl(),
                        outcome.testRailStatus(),
                        outcome.posted(),
                        outcome.note()));
            }
        } else {
            for (FlowResult flow : (Iterable<FlowResult>) results.flows()::iterator) {
                rows.add(new LoadmillTestRailAction.FlowRow(
                        flow.suiteName(), flow.name(), flow.status().value(), flow.url(), "", "", "", false, ""));
            }
        }
        return new LoadmillTestRailAction(
                ordinal,
                counts.passed(),
                counts.failed(),
                counts.flaky(),
                results.runUrl(),
                report == null ? "" : report.planUrl(),
                runs,
                report == null ? 0 : report.createdSuites(),
                report == null ? 0 : report.createdSections(),
                report == null ? 0 : report.createdCases(),
                report == null ? 0 : report.postedResults(),
                report == null ? List.of() : report.unmatchedFlows(),
                report == null ? List.of() : report.rejected(),
                rows,
                error,
                request,
                callDir.toFile().getName());
    }

    /**
     * The step's return value: Strings, numbers and lists only (safe for CPS and the sandbox). The
     * TestRail keys are empty when nothing was published ({@code publishError} says why).
     */
    private static Map<String, Object> summary(
            CollectedResults results,
            @CheckForNull PublishReport report,
            String publishError,
            String resultsFile,
            String junitFile) {
        FlowCounts counts = FlowCounts.of(results);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("passed", counts.passed());
        summary.put("failed", counts.failed());
        summary.put("flaky", counts.flaky());
        summary.put("total", counts.total());
        summary.put("allPassed", JobOutcome.allPassed(results));
        summary.put("loadmillRunUrl", results.runUrl());
        summary.put(
                "testRailPlanId",
                report != null && report.planId().isPresent() ? report.planId().getAsLong() : 0L);
        summary.put("testRailPlanUrl", report == null ? "" : report.planUrl());
        ArrayList<Long> runIds = new ArrayList<>();
        ArrayList<String> runUrls = new ArrayList<>();
        for (PublishedRun published : report == null ? List.<PublishedRun>of() : report.runs()) {
            runIds.add(published.runId());
            runUrls.add(published.url());
        }
        summary.put("testRailRunIds", runIds);
        summary.put("testRailRunUrls", runUrls);
        summary.put("createdSuites", report == null ? 0 : report.createdSuites());
        summary.put("createdSections", report == null ? 0 : report.createdSections());
        summary.put("createdCases", report == null ? 0 : report.createdCases());
        summary.put("postedResults", report == null ? 0 : report.postedResults());
        summary.put("unmatchedFlows", new ArrayList<>(report == null ? List.of() : report.unmatchedFlows()));
        summary.put("publishError", publishError);
        summary.put("resultsFile", resultsFile);
        summary.put("junitFile", junitFile);
        return summary;
    }
}
