package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where TestRail is, how to sign in and how long to wait for it: flags that override environment variables. */
final class TestRailConnectionOptions {

    @Option(names = "--testrail-url", paramLabel = "URL", order = 110,
            description = {"TestRail address as opened in a browser (env TESTRAIL_URL),",
                // A line of its own: picocli would wrap a URL after "https:".
                "such as https://example.testrail.io/"})
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
            description = "Longest time one TestRail call may spend retrying once its first attempt failed "
                    + "(rate limits, 5xx, network): waits and later attempts together (default 5m).")
    String retryWait;

    @Option(names = "--testrail-connect-timeout", paramLabel = "DURATION", order = 115,
            description = "Longest wait for a connection to TestRail (env TESTRAIL_CONNECT_TIMEOUT; default 15s).")
    String connectTimeout;

    @Option(names = "--testrail-read-timeout", paramLabel = "DURATION", order = 116,
            description = "Longest silence of TestRail while it answers (env TESTRAIL_READ_TIMEOUT; default 60s).")
    String readTimeout;

    @Option(names = "--testrail-call-timeout", paramLabel = "DURATION", order = 117,
            description = "Longest time one attempt of a TestRail call may take, its whole answer included "
                    + "(env TESTRAIL_CALL_TIMEOUT; default 2m).")
    String callTimeout;

    /** Notes the connection settings that are neither given nor in the environment. */
    void requireIn(MissingSettings missing, CliContext context) {
        missing.require(url != null ? url : context.variable(EnvironmentVariables.TESTRAIL_URL).orElse(null),
                        "the TestRail URL", MissingSettings.optionOrVariable("--testrail-url", EnvironmentVariables.TESTRAIL_URL))
                .require(user != null ? user : context.variable(EnvironmentVariables.TESTRAIL_USER).orElse(null),
                        "the TestRail user", MissingSettings.optionOrVariable("--testrail-user", EnvironmentVariables.TESTRAIL_USER))
                .require(key != null ? key : context.variable(EnvironmentVariables.TESTRAIL_API_KEY).orElse(null),
                        "the TestRail API key (TestRail: My Settings > API Keys)",
                        MissingSettings.secret(EnvironmentVariables.TESTRAIL_API_KEY, "--testrail-key"));
    }

    /** Validated settings; an {@code InvalidSettingsException} names what is missing. */
    TestRailSettings settings(CommandSpec spec, CliContext context, ProgressListener progress) {
        String apiKey = key;
        if (apiKey != null && spec.commandLine().getParseResult().hasMatchedOption("--testrail-key")) {
            progress.warn("--testrail-key works, but other users of this machine can see flags in the process list; "
                    + "set " + EnvironmentVariables.TESTRAIL_API_KEY + " instead.");
        } else if (apiKey == null) {
            apiKey = context.variable(EnvironmentVariables.TESTRAIL_API_KEY).orElse("");
        }
        TestRailSettings settings = TestRailSettings.of(
                        url != null ? url : context.variable(EnvironmentVariables.TESTRAIL_URL).orElse(""),
                        user != null ? user : context.variable(EnvironmentVariables.TESTRAIL_USER).orElse(""),
                        apiKey)
                .withRequestsPerMinute(requestsPerMinute);
        settings = settings.withTimeouts(
                OptionValues.duration(spec, connectTimeout, "--testrail-connect-timeout", context,
                        EnvironmentVariables.TESTRAIL_CONNECT_TIMEOUT).orElse(settings.connectTimeout()),
                OptionValues.duration(spec, readTimeout, "--testrail-read-timeout", context,
                        EnvironmentVariables.TESTRAIL_READ_TIMEOUT).orElse(settings.readTimeout()));
        settings = OptionValues.duration(spec, callTimeout, "--testrail-call-timeout", context,
                EnvironmentVariables.TESTRAIL_CALL_TIMEOUT).map(settings::withCallTimeout).orElse(settings);
        return OptionValues.duration(spec, retryWait, "--testrail-retry-wait").map(settings::withMaxRetryWait).orElse(settings);
    }
}
