package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "publish", sortOptions = false, abbreviateSynopsis = true, mixinStandardHelpOptions = true,
        description = {
            "Publish results saved by `run` to TestRail, without running Loadmill again.",
            "Also finishes a publish that was cut off: the journal beside the results file records every write, "
                    + "so nothing is created or posted twice."
        })
final class PublishCommand extends JobCommand {

    @Option(names = "--results", paramLabel = "FILE", order = 50, required = true,
            description = "The results file written by `run`.")
    Path results;

    PublishCommand(CliContext context) {
        super(context);
    }

    @Override
    PreparedJob prepare(ProgressListener progress) {
        TestRailSettings testRailSettings = testRail.settings(spec, context, progress);
        PublishSettings publishSettings = publish.settings(spec, CiVariables.of(context));
        return job -> job.publish(results, testRailSettings, publishSettings, progress);
    }

    @Override
    Map<String, Path> files() {
        return Map.of("results", results);
    }
}
