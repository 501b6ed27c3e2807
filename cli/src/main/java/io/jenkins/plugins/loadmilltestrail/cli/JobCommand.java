package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.job.LoadmillTestRailJob;
import io.jenkins.plugins.loadmilltestrail.engine.job.PublishFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What run, publish and plan share: TestRail and publish options, output options, and the order of
 * work: validate every setting, call the facade, print the outcome, write the summary, choose the
 * exit code.
 */
abstract class JobCommand implements Callable<Integer> {
    /** One validated call of the facade, prepared before any network call. */
    @FunctionalInterface
    interface PreparedJob {
        JobOutcome execute(LoadmillTestRailJob job) throws InterruptedException;
    }

    @Spec
    CommandSpec spec;

    @Mixin
    TestRailConnectionOptions testRail;

    @Mixin
    PublishOptions publish;

    @Mixin
    OutputOptions output;

    @Mixin
    ExitCodeOptions exitCodes;

    @Mixin
    ConfigFileOption configFile;

    @Mixin
    NetworkOptions network;

    final CliContext context;

    JobCommand(CliContext context) {
        this.context = context;
    }

    /**
     * Reads and validates every setting; throws a picocli {@code ParameterException} for a
     * malformed option and an {@code InvalidSettingsException} for a missing or invalid setting.
     */
    abstract PreparedJob prepare(ProgressListener progress);

    /** The files this command reads or writes, by role ("results", "junit"), for the summary. */
    abstract Map<String, Path> files();

    /** False for a dry run, whose exit code does not depend on the flows. */
    boolean publishes() {
        return true;
    }

    @Override
    public Integer call() {
        Verbosity verbosity = output.verbosity(spec);
        ConsoleProgress progress = new ConsoleProgress(context.err(), context.interactive(), verbosity);
        OkHttpClient http = new OkHttpClient();
        PreparedJob job = null;
        try {
            network.fillTimeouts(spec);
            OkHttpClient client = network.configure(http, spec, context, progress);
            job = prepare(progress);
            JobOutcome outcome = job.execute(new LoadmillTestRailJob(client, Clock.systemUTC(), publish.lockWait(spec)));
            int exitCode = exitCode(outcome);
            report(outcome, verbosity);
            output.summaryFile().ifPresent(f -> SummaryFile.write(f, outcome, exitCode, summaryFiles(true)));
            return exitCode;
        } catch (EngineException | InterruptedException e) {
            if (e instanceof PublishFailedException failed && !exitCodes.failOnPublishError) {
                int exitCode = publishes() ? exitCodes.forFlows(failed.allFlowsPassed()) : ExitCodes.OK;
                progress.warn(Failures.message(failed) + " (--fail-on-publish-error false: exit code " + exitCode
                        + ", from the flows.)");
                output.summaryFile().ifPresent(f -> SummaryFile.writeFailure(f, exitCode, Failures.message(e),
                        summaryFiles(true)));
                return exitCode;
            }
            int exitCode = Failures.report(e, context.err(), verbosity == Verbosity.VERBOSE);
            if (job == null) {
                context.err().println("See `loadmill-testrail " + spec.name() + " --help` for the options.");
            }
            boolean started = job != null;
            output.summaryFile().ifPresent(f -> SummaryFile.writeFailure(f, exitCode, Failures.message(e),
                    summaryFiles(started)));
            return exitCode;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /**
     * The files the summary lists: those of {@link #files()} that are there (a run removes an
     * earlier run's files before Loadmill starts, and a JUnit report may fail to be written), none
     * when the command stopped before starting, and the summary itself.
     */
    private Map<String, Path> summaryFiles(boolean started) {
        Map<String, Path> listed = new LinkedHashMap<>();
        if (started) {
            files().forEach((role, file) -> {
                if (Files.isRegularFile(file)) {
                    listed.put(role, file);
                }
            });
        }
        output.summaryFile().ifPresent(f -> listed.put("summary", f));
        return listed;
    }

    private void report(JobOutcome outcome, Verbosity verbosity) {
        if (!outcome.planText().isEmpty()) {
            context.out().println(outcome.planText());
        }
        if (verbosity != Verbosity.QUIET) {
            OutcomeText.print(outcome, verbosity, context.out());
        }
        context.out().println(OutcomeText.resultLine(outcome));
        if (!outcome.report().rejected().isEmpty()) {
            context.err().println((exitCodes.failOnPublishError ? "error" : "warning") + ": TestRail rejected " + outcome.report().rejected().size() + " results (listed above). "
                    + "Fix what TestRail reported, then run `loadmill-testrail publish --results " + files().get("results")
                    + "` to post them; results already posted are not posted again.");
        }
        context.out().flush();
        context.err().flush();
    }

    private int exitCode(JobOutcome outcome) {
        if (outcome.report().dryRun()) {
            return ExitCodes.OK;
        }
        if (!outcome.report().rejected().isEmpty() && exitCodes.failOnPublishError) {
            return ExitCodes.TESTRAIL;
        }
        return exitCodes.forFlows(outcome.allPassed());
    }
}
