package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Computer;
import hudson.model.Run;
import hudson.util.StreamTaskListener;
import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.job.PublishFailedException;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * "Publish to TestRail again" on a build's Loadmill → TestRail page: publishes the results kept
 * with the build, in the background, through the engine's {@code publish}, which resumes from the
 * journal beside the results file (no new Loadmill run, nothing posted twice). Its progress goes to
 * a log file in the call's directory, shown on the page; its outcome replaces the page.
 */
final class PublishAgain {
    static final String RESULTS_FILE = "results.json";
    static final String LOG_FILE = "publish-again.log";

    /** Shown on the page: the end of a long log is what matters. */
    private static final int MAX_SHOWN_LOG_BYTES = 64 * 1024;

    private static final Logger LOGGER = Logger.getLogger(PublishAgain.class.getName());

    /** Calls being published now, by build and call directory: one publish of a call at a time. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private PublishAgain() {}

    /** Starts publishing the call's kept results, unless a publish of the same call is running already. */
    static void start(Run<?, ?> run, LoadmillTestRailAction action) {
        String key = key(run, action);
        if (!RUNNING.add(key)) {
            return;
        }
        Computer.threadPoolForRemoting.submit(() -> {
            try {
                publish(run, action);
            } finally {
                RUNNING.remove(key);
            }
        });
    }

    static boolean isRunning(Run<?, ?> run, LoadmillTestRailAction action) {
        return RUNNING.contains(key(run, action));
    }

    private static String key(Run<?, ?> run, LoadmillTestRailAction action) {
        return run.getExternalizableId() + "/" + action.getUrlName();
    }

    private static void publish(Run<?, ?> run, LoadmillTestRailAction action) {
        Path dir = action.callDirectory();
        PublishRequest request = action.publishRequest();
        if (dir == null || request == null) {
            return; // not offered for such pages (isPublishAgainAvailable)
        }
        LoadmillTestRailAction replacement;
        try (OutputStream out = Files.newOutputStream(dir.resolve(LOG_FILE))) {
            StreamTaskListener listener = new StreamTaskListener(out, StandardCharsets.UTF_8);
            ProgressListener progress =
                    new BuildLogListener(listener, run.getRootDir().toPath());
            replacement = attempt(run, action, dir, request, progress, listener);
            listener.getLogger().flush();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot write the publish log of " + run, e);
            replacement = action.withPublishError("Could not publish again: " + e.getMessage());
        }
        try {
            JobRunner.replaceAction(run, action, replacement);
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Cannot save " + run + " after publishing again", e);
        }
    }

    private static LoadmillTestRailAction attempt(
            Run<?, ?> run,
            LoadmillTestRailAction action,
            Path dir,
            PublishRequest request,
            ProgressListener progress,
            StreamTaskListener listener) {
        LoadmillTestRailConfiguration global = LoadmillTestRailConfiguration.get();
        progress.phase("Publishing the kept Loadmill results to TestRail again");
        try {
            StandardUsernamePasswordCredentials credentials = JobRunner.testRailCredentials(
                    request.testRailCredentialsId(), run, Util.fixNull(global.getTestRailUrl()));
            JobOutcome outcome = EngineCalls.job()
                    .publish(
                            dir.resolve(RESULTS_FILE),
                            JobRunner.testRailSettings(global, credentials),
                            request.toSettings(),
                            progress);
            PublishReport report = outcome.report();
            progress.phase("Published " + report.newlyPosted() + " results to TestRail"
                    + (report.alreadyPosted() == 0 ? "" : "; " + report.alreadyPosted() + " were posted before"));
            return JobRunner.action(action.getOrdinal(), outcome.results(), outcome.report(), null, request, dir);
        } catch (PublishFailedException e) {
            listener.error(e.reason());
            return JobRunner.action(action.getOrdinal(), e.collected(), null, e.reason(), request, dir);
        } catch (EngineException | AbortException e) {
            listener.error(e.getMessage());
            return action.withPublishError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            listener.error("Interrupted.");
            return action.withPublishError("Publishing again was interrupted; press the button to resume.");
        }
    }

    /** The end of the call's publish log, or "" when there is none. */
    static String log(Path dir) {
        Path file = dir.resolve(LOG_FILE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - MAX_SHOWN_LOG_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read the publish log: " + e.getMessage() + ")";
        }
    }
}
