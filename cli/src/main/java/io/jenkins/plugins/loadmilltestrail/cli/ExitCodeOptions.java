package io.jenkins.plugins.loadmilltestrail.cli;

import picocli.CommandLine.Option;

/**
 * What fails the CI step, as Loadmill's own CLI has {@code --no-bail}: failed flows (exit 1), and a
 * TestRail error after the results were saved (exit 4).
 */
final class ExitCodeOptions {
    /** When flows that did not pass fail the command. */
    enum FailOn {
        /** Exit 1 when some flow did not pass (the default). */
        FAILED,
        /** Exit 0 whatever the flows' statuses; they are still reported and published. */
        NEVER
    }

    @Option(names = "--fail-on", paramLabel = "failed|never", order = 70,
            description = "Exit 1 when some flow did not pass (failed, the default), or exit 0 whatever the flows' "
                    + "statuses (never).")
    FailOn failOn = FailOn.FAILED;

    @Option(names = "--fail-on-publish-error", paramLabel = "true|false", order = 71, arity = "1",
            description = "A TestRail error after the results were saved exits 4 (true, the default); with false it is "
                    + "a warning and the exit code follows the flows (--fail-on).")
    boolean failOnPublishError = true;

    /** The exit code for these flows: 1 when some did not pass and --fail-on is failed, else 0. */
    int forFlows(boolean allPassed) {
        return allPassed || failOn == FailOn.NEVER ? ExitCodes.OK : ExitCodes.FLOWS_FAILED;
    }
}
