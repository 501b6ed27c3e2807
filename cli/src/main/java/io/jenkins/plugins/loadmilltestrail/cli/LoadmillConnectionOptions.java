package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import picocli.CommandLine.Option;

/** Where Loadmill is and how to sign in: flags that override environment variables. */
final class LoadmillConnectionOptions {

    @Option(names = "--loadmill-url", paramLabel = "URL", order = 100,
            description = "Loadmill address (env LOADMILL_URL; default " + LoadmillSettings.DEFAULT_BASE_URL + ").")
    String url;

    @Option(names = "--loadmill-token", paramLabel = "TOKEN", order = 101,
            description = "Loadmill API token (env LOADMILL_API_TOKEN, preferred: flags show in process lists).")
    String token;

    String url(CliContext context) {
        return url != null ? url : context.variable(EnvironmentVariables.LOADMILL_URL).orElse(LoadmillSettings.DEFAULT_BASE_URL);
    }

    /** The token from the flag (with a warning) or the environment; "" when neither. */
    String token(CliContext context, ProgressListener progress) {
        if (token != null) {
            progress.warn("--loadmill-token works, but other users of this machine can see flags in the process list; "
                    + "set " + EnvironmentVariables.LOADMILL_API_TOKEN + " instead.");
            return token;
        }
        return context.variable(EnvironmentVariables.LOADMILL_API_TOKEN).orElse("");
    }
}
