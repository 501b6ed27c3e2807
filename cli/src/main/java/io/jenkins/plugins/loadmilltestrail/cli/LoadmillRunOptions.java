package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What to run in Loadmill and how long to wait for it. */
final class LoadmillRunOptions {

    @Option(names = "--test-plan", paramLabel = "ID", order = 1,
            description = "Loadmill test plan to run (its id, from the plan page's address).")
    String testPlan;

    @Option(names = "--suite", paramLabel = "ID", order = 2,
            description = "Loadmill test suite to run instead of a plan; repeat for several.")
    List<String> suites = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "LABEL", split = ",", order = 3,
            description = "Run only flows carrying one of these labels (comma-separated, or repeat).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--labels-expression", paramLabel = "EXPR", order = 4,
            description = "Run only flows matching this label expression, such as '(smoke | api) & !slow'.")
    String labelsExpression;

    @Option(names = "--parallel", paramLabel = "N", order = 5, description = "Suites of the plan to run at once (1-12).")
    Integer parallel;

    @Option(names = "--pool", paramLabel = "NAME", order = 6, description = "Private agent pool to run from.")
    String pool;

    @Option(names = "--branch", paramLabel = "NAME", order = 7, description = "Git branch of the test definitions.")
    String branch;

    @Option(names = "--param", paramLabel = "NAME=VALUE", order = 8,
            description = "Override a Loadmill parameter for this run; repeat for several.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Option(names = "--additional-description", paramLabel = "TEXT", order = 9,
            description = "Appended to the Loadmill run's description, such as a build number.")
    String additionalDescription;

    @Option(names = "--tag", paramLabel = "TAG", order = 10, description = "Tag the plan run; repeat for several.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--retry-failed-flows", paramLabel = "N", order = 11,
            description = "Re-run failed flows up to N times (plans only); flows that then pass are FLAKY.")
    Integer retryFailedFlows;

    @Option(names = "--poll-interval", paramLabel = "DURATION", order = 12,
            description = "Time between Loadmill status checks, such as 200ms or 10s (default 10s).")
    String pollInterval;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 13,
            description = "Give up waiting for Loadmill after this long and stop the run, such as 90s, 30m or 1h30m (default 1h).")
    String timeout;

    @Option(names = "--junit", paramLabel = "FILE", order = 14,
            description = "Also write the collected results as JUnit XML (for CI test reports).")
    Path junit;

    /** True when the user asked for a Loadmill run (a plan or suites). */
    boolean given() {
        return testPlan != null || !suites.isEmpty();
    }

    Optional<Path> junitFile() {
        return Optional.ofNullable(junit);
    }

    /**
     * Validated settings: {@code connection} (where Loadmill is, see {@link LoadmillConnectionOptions})
     * completed with what to run; a malformed duration is a usage error.
     */
    LoadmillSettings settings(CommandSpec spec, LoadmillSettings.Builder connection) {
        LoadmillSettings.Builder builder = connection
                .testPlanId(testPlan)
                .suiteIds(suites)
                .labels(labels)
                .labelsExpression(labelsExpression)
                .parallel(parallel)
                .pool(pool)
                .branch(branch)
                .parameters(parameters)
                .additionalDescription(additionalDescription)
                .tags(tags)
                .maxFlakyFlowRetries(retryFailedFlows);
        OptionValues.duration(spec, pollInterval, "--poll-interval").ifPresent(builder::pollInterval);
        OptionValues.duration(spec, timeout, "--timeout").ifPresent(builder::timeout);
        return builder.build();
    }
}
