package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import okhttp3.OkHttpClient;

/**
 * How to reach Loadmill and TestRail from networks with a proxy, a private certificate authority or
 * slow links. No option turns certificate checks off.
 */
final class NetworkOptions {

    @Option(names = "--proxy", paramLabel = "URL", order = 120,
            description = "HTTP proxy for both services, e.g. http://user:password@proxy.example.com:3128 "
                    + "(default: HTTPS_PROXY / HTTP_PROXY; NO_PROXY lists hosts reached directly).")
    String proxy;

    @Option(names = "--ca-cert", paramLabel = "FILE", order = 121,
            description = "PEM file of certificate authorities to trust besides Java's own, e.g. a company CA of a "
                    + "self-hosted TestRail.")
    Path caCert;

    @Option(names = "--connect-timeout", paramLabel = "DURATION", order = 122,
            description = "--loadmill-connect-timeout and --testrail-connect-timeout at once (each of them wins).")
    String connectTimeout;

    @Option(names = "--read-timeout", paramLabel = "DURATION", order = 123,
            description = "--loadmill-read-timeout and --testrail-read-timeout at once (each of them wins).")
    String readTimeout;

    /** Gives the per-service timeouts not set anywhere the value of --connect-timeout and --read-timeout. */
    void fillTimeouts(CommandSpec spec) {
        OptionValues.duration(spec, connectTimeout, "--connect-timeout");
        OptionValues.duration(spec, readTimeout, "--read-timeout");
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof TestRailConnectionOptions testRail) {
                testRail.connectTimeout = testRail.connectTimeout != null ? testRail.connectTimeout : connectTimeout;
                testRail.readTimeout = testRail.readTimeout != null ? testRail.readTimeout : readTimeout;
            } else if (mixin.userObject() instanceof LoadmillConnectionOptions loadmill) {
                loadmill.connectTimeout = loadmill.connectTimeout != null ? loadmill.connectTimeout : connectTimeout;
                loadmill.readTimeout = loadmill.readTimeout != null ? loadmill.readTimeout : readTimeout;
            }
        }
    }

    /** {@code http} with the proxy and trusted certificates these options and the environment ask for. */
    OkHttpClient configure(OkHttpClient http, CommandSpec spec, CliContext context, ProgressListener progress) {
        OkHttpClient.Builder builder = http.newBuilder();
        ProxySettings.of(proxy, context.env()).ifPresent(proxies -> {
            if (proxies.hasPassword() && spec.commandLine().getParseResult().hasMatchedOption("--proxy")) {
                progress.warn("--proxy with a password works, but other users of this machine can see flags in the "
                        + "process list; set " + Configuration.variable("--proxy") + " or HTTPS_PROXY instead.");
            }
            proxies.applyTo(builder);
        });
        if (caCert != null) {
            TrustedCertificates.applyTo(builder, caCert);
        }
        return builder.build();
    }
}
