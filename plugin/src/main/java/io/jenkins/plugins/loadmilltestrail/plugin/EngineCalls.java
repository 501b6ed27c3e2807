package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.job.LoadmillTestRailJob;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillClient;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseCache;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SettingMaps;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUrls;
import io.jenkins.plugins.okhttp.api.JenkinsOkHttpClient;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import okhttp3.OkHttpClient;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The engine calls behind the configuration page: offline checks and the two "Test connection"
 * buttons (the facade's {@code checkTestRail} / {@code checkLoadmill}). Callers check permissions first. Messages are the engine's own, which never contain a
 * secret.
 */
final class EngineCalls {
    /**
     * One base client for the plugin; every use derives a client with Jenkins' current proxy
     * settings from it (clients derived with newBuilder() share the connection pool).
     */
    private static final OkHttpClient BASE = new OkHttpClient();

    private EngineCalls() {}

    /**
     * The engine's job for builds and "Publish to TestRail again": Jenkins' proxy, and the case cache
     * in the controller's own directory. One file serves every job (its entries are keyed by TestRail
     * URL, project and suite) and is safe under concurrent builds (file lock, atomic replace).
     */
    static LoadmillTestRailJob job() {
        Path cache =
                Jenkins.get().getRootDir().toPath().resolve("loadmill-testrail").resolve("case-cache.json");
        return new LoadmillTestRailJob(httpClient()).withCaseCache(CaseCache.at(cache));
    }

    /** An OkHttp client that uses the proxy configured in Manage Jenkins → System. */
    static OkHttpClient httpClient() {
        return JenkinsOkHttpClient.newClientBuilder(BASE).build();
    }

    static FormValidation checkTestRailUrl(@CheckForNull String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.warning("Set the address of your TestRail, e.g. https://example.testrail.io/.");
        }
        try {
            TestRailUrls.parseBase(url);
            return FormValidation.ok();
        } catch (EngineException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkLoadmillUrl(@CheckForNull String value) {
        String url = Util.fixEmptyAndTrim(value);
        if (url == null) {
            return FormValidation.ok("Uses " + LoadmillSettings.DEFAULT_BASE_URL + ".");
        }
        try {
            LoadmillSettings.normalizeBaseUrl(url); // offline: no call is made
            return FormValidation.ok();
        } catch (EngineException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation checkStatusMapping(@CheckForNull String value) {
        try {
            SettingMaps.parseStatusMap(Util.fixNull(value));
            return FormValidation.ok();
        } catch (EngineException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** Signs in to TestRail with the credential and says as whom. */
    static FormValidation testTestRail(@CheckForNull String url, StandardUsernamePasswordCredentials credentials) {
        try {
            // The saved rate, used only if no build has reached this host yet; the engine never changes a
            // running limiter's rate for a connection check.
            LoadmillTestRailConfiguration global = LoadmillTestRailConfiguration.get();
            TestRailSettings settings = TestRailSettings.of(
                            url,
                            credentials.getUsername(),
                            credentials.getPassword().getPlainText())
                    .withRequestsPerMinute(global.getTestRailRequestsPerMinute())
                    .withTimeouts(
                            global.httpLimits().connectTimeout(),
                            global.httpLimits().readTimeout())
                    .withCallTimeout(global.httpLimits().callTimeout());
            return FormValidation.ok(new LoadmillTestRailJob(httpClient()).checkTestRail(settings));
        } catch (EngineException e) {
            return FormValidation.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error("Interrupted while contacting TestRail.");
        }
    }

    /** Checks that Loadmill accepts the token. */
    static FormValidation testLoadmill(@CheckForNull String url, StringCredentials credentials) {
        try {
            String message = new LoadmillClient(
                            httpClient(),
                            Util.fixNull(url),
                            credentials.getSecret().getPlainText(),
                            LoadmillTestRailConfiguration.get().httpLimits(),
                            new CallStats())
                    .testConnection();
            return FormValidation.ok(message);
        } catch (EngineException e) {
            return FormValidation.error(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error("Interrupted while contacting Loadmill.");
        }
    }
}
