package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

@Command(name = "plan", sortOptions = false, abbreviateSynopsis = true, mixinStandardHelpOptions = true,
        description = {
            "Dry run: show which flows would match which TestRail cases, what would be created, and which results "
                    + "would be posted. Reads TestRail but writes nothing there.",
            "Works from saved results (--results FILE). Given --test-plan or --suite it runs Loadmill first and saves "
                    + "the results, so `publish --results FILE` can then post exactly what was planned."
        })
final class PlanCommand extends JobCommand {

    @Mixin
    LoadmillRunOptions loadmill;

    @Mixin
    LoadmillConnectionOptions loadmillConnection;

    @Option(names = "--results", paramLabel = "FILE", order = 50,
            description = "Results saved by `run` to plan from; with --test-plan/--suite, where to save the new results "
                    + "(default " + RunCommand.DEFAULT_RESULTS + ").")
    Path results;

    PlanCommand(CliContext context) {
        super(context);
    }

    @Override
    void requireIn(MissingSettings missing) {
        if (loadmill.given()) {
            loadmillConnection.requireIn(missing, context);
        }
        super.requireIn(missing);
    }

    @Override
    PreparedJob prepare(ProgressListener progress) {
        if (loadmill.given()) {
            JobSettings settings = new JobSettings(
                    loadmill.settings(spec, loadmillConnection.settings(spec, context, progress)),
                    testRail.settings(spec, context, progress),
                    publish.settings(spec, CiVariables.of(context)),
                    resultsFile(),
                    loadmill.junitFile(),
                    true);
            return job -> job.run(settings, progress);
        }
        List<String> loadmillOnly = spec.mixins().get("loadmill").options().stream().map(OptionSpec::longestName)
                .filter(spec.commandLine().getParseResult()::hasMatchedOption).toList();
        if (!loadmillOnly.isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(", ", loadmillOnly)
                    + " need --test-plan or --suite: they apply to a new Loadmill run, not to saved results.");
        }
        if (results == null) {
            throw new ParameterException(spec.commandLine(),
                    "Nothing to plan from: give --results FILE (saved by `run`), or --test-plan/--suite to run Loadmill first.");
        }
        TestRailSettings testRailSettings = testRail.settings(spec, context, progress);
        PublishSettings publishSettings = publish.settings(spec, CiVariables.of(context));
        return job -> job.plan(results, testRailSettings, publishSettings, progress);
    }

    @Override
    boolean publishes() {
        return false;
    }

    @Override
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("results", resultsFile());
        loadmill.junitFile().ifPresent(f -> files.put("junit", f));
        return files;
    }

    private Path resultsFile() {
        return results != null ? results : Path.of(RunCommand.DEFAULT_RESULTS);
    }
}
