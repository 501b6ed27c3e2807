package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.job.LoadmillTestRailJob;
import io.jenkins.plugins.loadmilltestrail.engine.job.PublishFailedException;
import io.jenkins.plugins.loadmilltestrail.engine.report.OutputFiles;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PreflightReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailPreflightException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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

    @Mixin
    CaseCacheOptions caseCache;

    final CliContext context;

    JobCommand(CliContext context) {
        this.context = context;
    }

    /** Notes the required settings this command lacks, all of them (see {@link MissingSettings}). */
    void requireIn(MissingSettings missing) {
        testRail.requireIn(missing, context);
        publish.requireIn(missing);
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
        OkHttpClient.Builder httpBuilder = new OkHttpClient.Builder();
        if (verbosity == Verbosity.VERBOSE) {
            httpBuilder.addInterceptor(new CallLog(progress));
        }
        OkHttpClient http = httpBuilder.build();
        PreparedJob job = null;
        try {
            MissingSettings missing = new MissingSettings();
            requireIn(missing);
            missing.check();
            if (!output.summaryToStandardOutput()) {
                output.summaryFile().ifPresent(f -> OutputFiles.checkWritable(f, "summary file (--summary)"));
            }
            network.fillTimeouts(spec);
            OkHttpClient client = network.configure(http, spec, context, progress);
            job = prepare(progress);
            JobOutcome outcome = job.execute(new LoadmillTestRailJob(client, Clock.systemUTC(), publish.lockWait(spec))
                    .withCaseCache(caseCache.cache(spec, context)));
            int exitCode = exitCode(outcome);
            report(outcome, verbosity);
            output.summaryFile().ifPresent(f -> SummaryFile.write(f, context.out(), outcome, exitCode, summaryFiles(true)));
            return exitCode;
        } catch (EngineException | InterruptedException e) {
            if (e instanceof PublishFailedException failed && !exitCodes.failOnPublishError) {
                int exitCode = publishes() ? exitCodes.forFlows(failed.allFlowsPassed()) : ExitCodes.OK;
                progress.warn(Failures.message(failed) + " (--fail-on-publish-error false: exit code " + exitCode
                        + ", from the flows.)");
                context.err().println(RecoveryCommand.advice(spec, failed.resultsFile(), CiVariables.of(context)));
                output.summaryFile().ifPresent(f -> writeFailureSummary(f, exitCode, Failures.message(e),
                        Optional.empty(), summaryFiles(true)));
                return exitCode;
            }
            int exitCode = Failures.report(e, context.err(), verbosity == Verbosity.VERBOSE);
            if (e instanceof PublishFailedException failed) {
                context.err().println(RecoveryCommand.advice(spec, failed.resultsFile(), CiVariables.of(context)));
            }
            if (job == null) {
                context.err().println(UsageErrors.pointer(spec.commandLine()));
            }
            boolean started = job != null;
            Optional<PreflightReport> preflight = e instanceof TestRailPreflightException p ? Optional.of(p.report())
                    : Optional.empty();
            output.summaryFile().ifPresent(f -> writeFailureSummary(f, exitCode, Failures.message(e), preflight,
                    summaryFiles(started)));
            return exitCode;
        } finally {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    /** The summary of a failed command; a summary that cannot be written is reported, not thrown over the failure. */
    private void writeFailureSummary(Path file, int exitCode, String message, Optional<PreflightReport> preflight,
            Map<String, Path> files) {
        try {
            SummaryFile.writeFailure(file, context.out(), exitCode, message, preflight, files);
        } catch (EngineException e) {
            context.err().println("  WARNING: " + e.getMessage());
            context.err().flush();
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
        output.summaryFile().filter(f -> !output.summaryToStandardOutput()).ifPresent(f -> listed.put("summary", f));
        return listed;
    }

    private void report(JobOutcome outcome, Verbosity verbosity) {
        // With --summary -, standard output is the JSON's alone, so that it can be piped.
        PrintWriter out = output.summaryToStandardOutput() ? context.err() : context.out();
        if (!outcome.planText().isEmpty()) {
            out.println(outcome.planText());
        }
        OutcomeText.print(outcome, verbosity, out);
        out.println(OutcomeText.resultLine(outcome));
        int rejected = outcome.report().rejected().size();
        if (rejected > 0) {
            // An error, or with --fail-on-publish-error false a warning written as the other warnings are.
            context.err().println((exitCodes.failOnPublishError ? "error: " : "  WARNING: ") + "TestRail rejected "
                    + rejected + (rejected == 1 ? " result" : " results") + " (listed above). "
                    + "Fix what TestRail reported, then run `"
                    + RecoveryCommand.of(spec, files().get("results"), CiVariables.of(context))
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
