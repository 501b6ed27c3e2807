package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.job.PublishFailedException;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.report.JUnitReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

    @Option(names = "--junit", paramLabel = "FILE", order = 51,
            description = "Also write the results as JUnit XML (for CI test reports), even when TestRail fails.")
    Path junit;

    PublishCommand(CliContext context) {
        super(context);
    }

    @Override
    PreparedJob prepare(ProgressListener progress) {
        TestRailSettings testRailSettings = testRail.settings(spec, context, progress);
        PublishSettings publishSettings = publish.settings(spec, CiVariables.of(context));
        return job -> {
            JobOutcome outcome;
            try {
                outcome = job.publish(results, testRailSettings, publishSettings, progress);
            } catch (PublishFailedException e) {
                writeJUnit(e.collected(), progress);
                throw e;
            }
            writeJUnit(outcome.results(), progress);
            return outcome;
        };
    }

    /** A missing JUnit report must not hide what happened in TestRail: it is a warning. */
    private void writeJUnit(CollectedResults collected, ProgressListener progress) {
        if (junit == null) {
            return;
        }
        try {
            JUnitReport.write(collected, junit);
            progress.info("Wrote the JUnit report " + progress.displayPath(junit));
        } catch (IOException e) {
            progress.warn("Cannot write the JUnit report " + progress.displayPath(junit) + " (" + e.getMessage() + ").");
        }
    }

    @Override
    Map<String, Path> files() {
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("results", results);
        if (junit != null) {
            files.put("junit", junit);
        }
        return files;
    }
}
