package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", sortOptions = false, abbreviateSynopsis = true, mixinStandardHelpOptions = true,
        description = {
            "Run a Loadmill test plan (or suites), wait for it, collect every flow's result, save the results, "
                    + "then publish them to TestRail.",
            "If TestRail fails, the results stay in the results file and `publish --results FILE` finishes the job."
        })
final class RunCommand extends JobCommand {
    static final String DEFAULT_RESULTS = "loadmill-results.json";

    @Mixin
    LoadmillRunOptions loadmill;

    @Mixin
    LoadmillConnectionOptions loadmillConnection;

    @Option(names = "--results", paramLabel = "FILE", order = 50, defaultValue = DEFAULT_RESULTS,
            description = "Where to save the collected results before publishing (default ${DEFAULT-VALUE}).")
    Path results;

    RunCommand(CliContext context) {
        super(context);
    }

    @Override
    void requireIn(MissingSettings missing) {
        loadmillConnection.requireIn(missing, context);
        super.requireIn(missing);
    }

    @Override
    PreparedJob prepare(ProgressListener progress) {
        JobSettings settings = new JobSettings(
                loadmill.settings(spec, loadmillConnection.settings(spec, context, progress)),
                testRail.settings(spec, context, progress),
                publish.settings(spec, CiVariables.of(context)),
                results,
                loadmill.junitFile(),
                false);
        return job -> job.run(settings, progress);
    }

    @Override
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("results", results);
        loadmill.junitFile().ifPresent(f -> files.put("junit", f));
        return files;
    }
}
