package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.time.Duration;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Manage Jenkins → System → "Loadmill → TestRail": where TestRail and Loadmill are, which stored
 * credentials to use, and the defaults every job inherits. Configuration as Code:
 * {@code unclassified: loadmillTestRail: ...}.
 *
 * <p>Only credential ids are stored. Every web method that lists credentials or reaches the network
 * is POST-only and requires Overall/Administer.
 */
@Extension
@Symbol("loadmillTestRail")
public class LoadmillTestRailConfiguration extends GlobalConfiguration {
    // The engine's defaults, so the two cannot drift apart. The Jelly default= attributes in
    // config.jelly repeat them as literals (Jelly cannot read these); keep them equal.
    public static final String DEFAULT_LOADMILL_URL = LoadmillSettings.DEFAULT_BASE_URL;
    public static final String DEFAULT_SECTION = PublishSettings.DEFAULT_SECTION;
    public static final int DEFAULT_REQUESTS_PER_MINUTE = TestRailSettings.DEFAULT_REQUESTS_PER_MINUTE;
    public static final int DEFAULT_RETRY_WAIT_SECONDS = (int) TestRailSettings.DEFAULT_MAX_RETRY_WAIT.toSeconds();
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = (int) HttpLimits.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = (int) HttpLimits.DEFAULT_READ_TIMEOUT.toSeconds();
    public static final int DEFAULT_CALL_TIMEOUT_SECONDS = (int) HttpLimits.DEFAULT_CALL_TIMEOUT.toSeconds();
    public static final int DEFAULT_TIMEOUT_MINUTES = (int) LoadmillSettings.DEFAULT_TIMEOUT.toMinutes();
    public static final int DEFAULT_POLL_INTERVAL_SECONDS = (int) LoadmillSettings.DEFAULT_POLL_INTERVAL.toSeconds();

    @CheckForNull
    private String testRailUrl;

    @CheckForNull
    private String testRailCredentialsId;

    // Null only in a configuration saved before the field existed (XStream skips initializers).
    @CheckForNull
    private String loadmillUrl = DEFAULT_LOADMILL_URL;

    @CheckForNull
    private String loadmillCredentialsId;

    private boolean autoCreate;

    @CheckForNull
    private String section = DEFAULT_SECTION;

    private boolean closeRun;

    @CheckForNull
    private String statusMapping;

    private int testRailRequestsPerMinute = DEFAULT_REQUESTS_PER_MINUTE;
    // Integer: null in a configuration saved before the field existed.
    @CheckForNull
    private Integer testRailRetryWaitSeconds = DEFAULT_RETRY_WAIT_SECONDS;

    // The limits of one HTTP call, to TestRail and to Loadmill (null in older configurations).
    @CheckForNull
    private Integer connectTimeoutSeconds = DEFAULT_CONNECT_TIMEOUT_SECONDS;

    @CheckForNull
    private Integer readTimeoutSeconds = DEFAULT_READ_TIMEOUT_SECONDS;

    @CheckForNull
    private Integer callTimeoutSeconds = DEFAULT_CALL_TIMEOUT_SECONDS;

    private int loadmillTimeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private int loadmillPollIntervalSeconds = DEFAULT_POLL_INTERVAL_SECONDS;

    public LoadmillTestRailConfiguration() {
        load();
    }

    public static LoadmillTestRailConfiguration get() {
        return ExtensionList.lookupSingleton(LoadmillTestRailConfiguration.class);
    }

    @Override
    public String getDisplayName() {
        return "Loadmill → TestRail";
    }

    @CheckForNull
    public String getTestRailUrl() {
        return testRailUrl;
    }

    @DataBoundSetter
    public void setTestRailUrl(@CheckForNull String testRailUrl) {
        this.testRailUrl = Util.fixEmptyAndTrim(testRailUrl);
        save();
    }

    @CheckForNull
    public String getTestRailCredentialsId() {
        return testRailCredentialsId;
    }

    @DataBoundSetter
    public void setTestRailCredentialsId(@CheckForNull String testRailCredentialsId) {
        this.testRailCredentialsId = Util.fixEmptyAndTrim(testRailCredentialsId);
        save();
    }

    public String getLoadmillUrl() {
        return loadmillUrl == null ? DEFAULT_LOADMILL_URL : loadmillUrl;
    }

    @DataBoundSetter
    public void setLoadmillUrl(@CheckForNull String loadmillUrl) {
        String value = Util.fixEmptyAndTrim(loadmillUrl);
        this.loadmillUrl = value == null ? DEFAULT_LOADMILL_URL : value;
        save();
    }

    @CheckForNull
    public String getLoadmillCredentialsId() {
        return loadmillCredentialsId;
    }

    @DataBoundSetter
    public void setLoadmillCredentialsId(@CheckForNull String loadmillCredentialsId) {
        this.loadmillCredentialsId = Util.fixEmptyAndTrim(loadmillCredentialsId);
        save();
    }

    /** Default for jobs that do not say: create missing TestRail suites, sections and cases. */
    public boolean isAutoCreate() {
        return autoCreate;
    }

    @DataBoundSetter
    public void setAutoCreate(boolean autoCreate) {
        this.autoCreate = autoCreate;
        save();
    }

    /** Default section for created cases. */
    public String getSection() {
        return section == null ? DEFAULT_SECTION : section;
    }

    @DataBoundSetter
    public void setSection(@CheckForNull String section) {
        String value = Util.fixEmptyAndTrim(section);
        this.section = value == null ? DEFAULT_SECTION : value;
        save();
    }

    /** Default for jobs that do not say: close the TestRail run (or plan) after publishing. */
    public boolean isCloseRun() {
        return closeRun;
    }

    @DataBoundSetter
    public void setCloseRun(boolean closeRun) {
        this.closeRun = closeRun;
        save();
    }

    /**
     * Loadmill status → TestRail status name, one {@code LOADMILL=TestRail} pair per line, e.g.
     * {@code FLAKY=Retest}; null keeps the engine's mapping.
     */
    @CheckForNull
    public String getStatusMapping() {
        return statusMapping;
    }

    @DataBoundSetter
    public void setStatusMapping(@CheckForNull String statusMapping) {
        this.statusMapping = Util.fixEmptyAndTrim(statusMapping);
        save();
    }

    public int getTestRailRequestsPerMinute() {
        return testRailRequestsPerMinute;
    }

    @DataBoundSetter
    public void setTestRailRequestsPerMinute(int testRailRequestsPerMinute) {
        this.testRailRequestsPerMinute =
                testRailRequestsPerMinute < 1 ? DEFAULT_REQUESTS_PER_MINUTE : testRailRequestsPerMinute;
        save();
    }

    /**
     * How long one TestRail call may keep waiting and retrying (429 with Retry-After, 5xx, network
     * failures) before the publish fails and its results are kept for "Publish to TestRail again".
     */
    public int getTestRailRetryWaitSeconds() {
        Integer value = testRailRetryWaitSeconds;
        return value == null ? DEFAULT_RETRY_WAIT_SECONDS : value;
    }

    @DataBoundSetter
    public void setTestRailRetryWaitSeconds(int testRailRetryWaitSeconds) {
        this.testRailRetryWaitSeconds =
                testRailRetryWaitSeconds < 0 ? DEFAULT_RETRY_WAIT_SECONDS : testRailRetryWaitSeconds;
        save();
    }

    /** The most a connection to TestRail or Loadmill may take to open; 0 for no limit. */
    public int getConnectTimeoutSeconds() {
        Integer value = connectTimeoutSeconds;
        return value == null ? DEFAULT_CONNECT_TIMEOUT_SECONDS : value;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int connectTimeoutSeconds) {
        this.connectTimeoutSeconds =
                connectTimeoutSeconds < 0 ? DEFAULT_CONNECT_TIMEOUT_SECONDS : connectTimeoutSeconds;
        save();
    }

    /** The most TestRail or Loadmill may stay silent while answering; 0 for no limit. */
    public int getReadTimeoutSeconds() {
        Integer value = readTimeoutSeconds;
        return value == null ? DEFAULT_READ_TIMEOUT_SECONDS : value;
    }

    @DataBoundSetter
    public void setReadTimeoutSeconds(int readTimeoutSeconds) {
        this.readTimeoutSeconds = readTimeoutSeconds < 0 ? DEFAULT_READ_TIMEOUT_SECONDS : readTimeoutSeconds;
        save();
    }

    /** The deadline of one whole call (an answer trickled byte by byte ends here). */
    public int getCallTimeoutSeconds() {
        Integer value = callTimeoutSeconds;
        return value == null ? DEFAULT_CALL_TIMEOUT_SECONDS : value;
    }

    @DataBoundSetter
    public void setCallTimeoutSeconds(int callTimeoutSeconds) {
        this.callTimeoutSeconds = callTimeoutSeconds < 1 ? DEFAULT_CALL_TIMEOUT_SECONDS : callTimeoutSeconds;
        save();
    }

    /** The limits of one call to TestRail or Loadmill, as set here. */
    HttpLimits httpLimits() {
        return HttpLimits.DEFAULTS
                .withTimeouts(
                        Duration.ofSeconds(getConnectTimeoutSeconds()), Duration.ofSeconds(getReadTimeoutSeconds()))
                .withCallTimeout(Duration.ofSeconds(getCallTimeoutSeconds()));
    }

    public int getLoadmillTimeoutMinutes() {
        return loadmillTimeoutMinutes;
    }

    @DataBoundSetter
    public void setLoadmillTimeoutMinutes(int loadmillTimeoutMinutes) {
        this.loadmillTimeoutMinutes = loadmillTimeoutMinutes < 1 ? DEFAULT_TIMEOUT_MINUTES : loadmillTimeoutMinutes;
        save();
    }

    public int getLoadmillPollIntervalSeconds() {
        return loadmillPollIntervalSeconds;
    }

    @DataBoundSetter
    public void setLoadmillPollIntervalSeconds(int loadmillPollIntervalSeconds) {
        this.loadmillPollIntervalSeconds =
                loadmillPollIntervalSeconds < 1 ? DEFAULT_POLL_INTERVAL_SECONDS : loadmillPollIntervalSeconds;
        save();
    }

    // ---- web methods: all POST, all Overall/Administer ----

    @POST
    public ListBoxModel doFillTestRailCredentialsIdItems(
            @QueryParameter String testRailUrl, @QueryParameter String testRailCredentialsId) {
        return CredentialsLookup.listForGlobal(
                StandardUsernamePasswordCredentials.class, testRailUrl, testRailCredentialsId);
    }

    @POST
    public ListBoxModel doFillLoadmillCredentialsIdItems(
            @QueryParameter String loadmillUrl, @QueryParameter String loadmillCredentialsId) {
        return CredentialsLookup.listForGlobal(StringCredentials.class, loadmillUrl, loadmillCredentialsId);
    }

    @POST
    public FormValidation doCheckTestRailUrl(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // read-only viewers: an offline check, nothing to protect
        }
        return EngineCalls.checkTestRailUrl(value);
    }

    @POST
    public FormValidation doCheckLoadmillUrl(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // read-only viewers: an offline check, nothing to protect
        }
        return EngineCalls.checkLoadmillUrl(value);
    }

    @POST
    public FormValidation doCheckStatusMapping(@QueryParameter String value) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // read-only viewers: an offline check, nothing to protect
        }
        return EngineCalls.checkStatusMapping(value);
    }

    /** The selected TestRail credential exists, is a username with password, and jobs can use it. */
    @POST
    public FormValidation doCheckTestRailCredentialsId(
            @QueryParameter String value, @QueryParameter String testRailUrl) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // nothing about stored credentials for viewers
        }
        return CredentialsLookup.checkForGlobal(
                value, StandardUsernamePasswordCredentials.class, testRailUrl, JobRunner.TESTRAIL_KIND);
    }

    /** The selected Loadmill credential exists, is secret text, and jobs can use it. */
    @POST
    public FormValidation doCheckLoadmillCredentialsId(
            @QueryParameter String value, @QueryParameter String loadmillUrl) {
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return FormValidation.ok(); // nothing about stored credentials for viewers
        }
        return CredentialsLookup.checkForGlobal(value, StringCredentials.class, loadmillUrl, JobRunner.LOADMILL_KIND);
    }

    /**
     * "Test TestRail connection": the URL and credential as currently entered in the form. It uses
     * the saved requests-per-minute limit: a test must not change what running builds do.
     */
    @POST
    public FormValidation doTestTestRailConnection(
            @QueryParameter String testRailUrl, @QueryParameter String testRailCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        StandardUsernamePasswordCredentials credentials = CredentialsLookup.findForGlobal(
                testRailCredentialsId, StandardUsernamePasswordCredentials.class, testRailUrl);
        if (credentials == null) {
            return FormValidation.error(CredentialsLookup.problemForGlobal(
                    testRailCredentialsId,
                    StandardUsernamePasswordCredentials.class,
                    testRailUrl,
                    JobRunner.TESTRAIL_KIND));
        }
        return EngineCalls.testTestRail(testRailUrl, credentials);
    }

    /** "Test Loadmill connection": the URL and token credential as currently entered in the form. */
    @POST
    public FormValidation doTestLoadmillConnection(
            @QueryParameter String loadmillUrl, @QueryParameter String loadmillCredentialsId) {
        Jenkins.get().checkPermission(Jenkins.ADMINISTER);
        StringCredentials credentials =
                CredentialsLookup.findForGlobal(loadmillCredentialsId, StringCredentials.class, loadmillUrl);
        if (credentials == null) {
            return FormValidation.error(CredentialsLookup.problemForGlobal(
                    loadmillCredentialsId, StringCredentials.class, loadmillUrl, JobRunner.LOADMILL_KIND));
        }
        return EngineCalls.testLoadmill(loadmillUrl, credentials);
    }
}
