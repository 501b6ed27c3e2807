package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where TestRail is and how to sign in: flags that override environment variables. */
final class TestRailConnectionOptions {

    @Option(names = "--testrail-url", paramLabel = "URL", order = 110,
            description = "TestRail address, e.g. https://example.testrail.io/ (env TESTRAIL_URL).")
    String url;

    @Option(names = "--testrail-user", paramLabel = "EMAIL", order = 111,
            description = "TestRail login, usually the email (env TESTRAIL_USER).")
    String user;

    @Option(names = "--testrail-key", paramLabel = "KEY", order = 112,
            description = "TestRail API key (env TESTRAIL_API_KEY, preferred: flags show in process lists).")
    String key;

    @Option(names = "--requests-per-minute", paramLabel = "N", order = 113,
            description = "Most TestRail calls per minute (default ${DEFAULT-VALUE}; Cloud allows 180 or 300).")
    int requestsPerMinute = TestRailSettings.DEFAULT_REQUESTS_PER_MINUTE;

    @Option(names = "--testrail-retry-wait", paramLabel = "DURATION", order = 114,
            description = "Longest time one TestRail call may spend retrying (rate limits, 5xx, network) before "
                    + "giving up (default 5m).")
    String retryWait;

    /** Validated settings; an {@code InvalidSettingsException} names what is missing. */
    TestRailSettings settings(CommandSpec spec, CliContext context, ProgressListener progress) {
        String apiKey = key;
        if (apiKey != null) {
            progress.warn("--testrail-key works, but other users of this machine can see flags in the process list; "
                    + "set " + EnvironmentVariables.TESTRAIL_API_KEY + " instead.");
        } else {
            apiKey = context.variable(EnvironmentVariables.TESTRAIL_API_KEY).orElse("");
        }
        TestRailSettings settings = TestRailSettings.of(
                        url != null ? url : context.variable(EnvironmentVariables.TESTRAIL_URL).orElse(""),
                        user != null ? user : context.variable(EnvironmentVariables.TESTRAIL_USER).orElse(""),
                        apiKey)
                .withRequestsPerMinute(requestsPerMinute);
        return OptionValues.duration(spec, retryWait, "--testrail-retry-wait").map(settings::withMaxRetryWait).orElse(settings);
    }
}
