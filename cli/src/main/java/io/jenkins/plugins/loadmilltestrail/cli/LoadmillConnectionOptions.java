package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where Loadmill is, how to sign in and how long to wait for it: flags that override environment variables. */
final class LoadmillConnectionOptions {

    @Option(names = "--loadmill-url", paramLabel = "URL", order = 100,
            description = {"Loadmill address (env LOADMILL_URL); default",
                // A line of its own: picocli would wrap a URL after "https:".
                LoadmillSettings.DEFAULT_BASE_URL})
    String url;

    @Option(names = "--loadmill-token", paramLabel = "TOKEN", order = 101,
            description = "Loadmill API token (env LOADMILL_API_TOKEN, preferred: flags show in process lists).")
    String token;

    @Option(names = "--loadmill-connect-timeout", paramLabel = "DURATION", order = 102,
            description = "Longest wait for a connection to Loadmill (env LOADMILL_CONNECT_TIMEOUT; default 15s).")
    String connectTimeout;

    @Option(names = "--loadmill-read-timeout", paramLabel = "DURATION", order = 103,
            description = "Longest silence of Loadmill while it answers (env LOADMILL_READ_TIMEOUT; default 60s).")
    String readTimeout;

    @Option(names = "--loadmill-call-timeout", paramLabel = "DURATION", order = 104,
            description = "Longest time one Loadmill call may take, its whole answer included "
                    + "(env LOADMILL_CALL_TIMEOUT; default 2m).")
    String callTimeout;

    /** Notes the token when it is neither given nor in the environment. */
    void requireIn(MissingSettings missing, CliContext context) {
        missing.require(token != null ? token : context.variable(EnvironmentVariables.LOADMILL_API_TOKEN).orElse(null),
                "the Loadmill API token (Loadmill: Settings > Security)",
                MissingSettings.secret(EnvironmentVariables.LOADMILL_API_TOKEN, "--loadmill-token"));
    }

    /** Where Loadmill is, the token and the timeouts; what to run is {@link LoadmillRunOptions}'s part. */
    LoadmillSettings.Builder settings(CommandSpec spec, CliContext context, ProgressListener progress) {
        LoadmillSettings.Builder builder = LoadmillSettings.builder()
                .baseUrl(url != null ? url : context.variable(EnvironmentVariables.LOADMILL_URL).orElse(null))
                .apiToken(token(spec, context, progress));
        OptionValues.duration(spec, connectTimeout, "--loadmill-connect-timeout", context,
                EnvironmentVariables.LOADMILL_CONNECT_TIMEOUT).ifPresent(builder::connectTimeout);
        OptionValues.duration(spec, readTimeout, "--loadmill-read-timeout", context,
                EnvironmentVariables.LOADMILL_READ_TIMEOUT).ifPresent(builder::readTimeout);
        OptionValues.duration(spec, callTimeout, "--loadmill-call-timeout", context,
                EnvironmentVariables.LOADMILL_CALL_TIMEOUT).ifPresent(builder::callTimeout);
        return builder;
    }

    /** The token from the flag (with a warning) or the environment; "" when neither. */
    private String token(CommandSpec spec, CliContext context, ProgressListener progress) {
        if (token != null && !spec.commandLine().getParseResult().hasMatchedOption("--loadmill-token")) {
            return token; // from LOADMILL_TESTRAIL_LOADMILL_TOKEN or the config file: no process-list warning
        }
        if (token != null) {
            progress.warn("--loadmill-token works, but other users of this machine can see flags in the process list; "
                    + "set " + EnvironmentVariables.LOADMILL_API_TOKEN + " instead.");
            return token;
        }
        return context.variable(EnvironmentVariables.LOADMILL_API_TOKEN).orElse("");
    }
}
