package io.jenkins.plugins.loadmilltestrail.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailClient;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.net.URL;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class LoadmillTestRailConfigurationTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestCredentials.add();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("alice")
                .grant(Jenkins.READ)
                .everywhere()
                .to("bob"));
    }

    @Test
    void defaults() {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        assertNull(config.getTestRailUrl());
        assertEquals("https://app.loadmill.com", config.getLoadmillUrl());
        assertEquals("Loadmill", config.getSection());
        assertEquals(180, config.getTestRailRequestsPerMinute());
        assertEquals(300, config.getTestRailRetryWaitSeconds());
        assertEquals(15, config.getConnectTimeoutSeconds());
        assertEquals(60, config.getReadTimeoutSeconds());
        assertEquals(120, config.getCallTimeoutSeconds());
        assertEquals(60, config.getLoadmillTimeoutMinutes());
        assertEquals(10, config.getLoadmillPollIntervalSeconds());
        assertFalse(config.isAutoCreate());
        assertFalse(config.isCloseRun());
    }

    @Test
    void configRoundtripKeepsEverySetting() throws Exception {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        config.setTestRailUrl("https://example.testrail.io/");
        config.setTestRailCredentialsId(TestCredentials.TESTRAIL_ID);
        config.setTestRailRequestsPerMinute(120);
        config.setTestRailRetryWaitSeconds(30);
        config.setConnectTimeoutSeconds(7);
        config.setReadTimeoutSeconds(0);
        config.setCallTimeoutSeconds(45);
        config.setLoadmillUrl("https://loadmill.example.com");
        config.setLoadmillCredentialsId(TestCredentials.LOADMILL_ID);
        config.setAutoCreate(true);
        config.setSection("API");
        config.setCloseRun(true);
        config.setStatusMapping("FLAKY=retest");
        config.setLoadmillTimeoutMinutes(45);
        config.setLoadmillPollIntervalSeconds(5);

        // JenkinsRule.configRoundtrip() uses an anonymous client; this Jenkins is secured, so log in.
        j.submit(j.createWebClient().login("alice").goTo("configure").getFormByName("config"));

        config = LoadmillTestRailConfiguration.get();
        assertEquals("https://example.testrail.io/", config.getTestRailUrl());
        assertEquals(TestCredentials.TESTRAIL_ID, config.getTestRailCredentialsId());
        assertEquals(120, config.getTestRailRequestsPerMinute());
        assertEquals(30, config.getTestRailRetryWaitSeconds());
        assertEquals(7, config.getConnectTimeoutSeconds());
        assertEquals(0, config.getReadTimeoutSeconds(), "0 is 'no limit', not 'default'");
        assertEquals(45, config.getCallTimeoutSeconds());
        assertEquals("https://loadmill.example.com", config.getLoadmillUrl());
        assertEquals(TestCredentials.LOADMILL_ID, config.getLoadmillCredentialsId());
        assertTrue(config.isAutoCreate());
        assertEquals("API", config.getSection());
        assertTrue(config.isCloseRun());
        assertEquals("FLAKY=retest", config.getStatusMapping());
        assertEquals(45, config.getLoadmillTimeoutMinutes());
        assertEquals(5, config.getLoadmillPollIntervalSeconds());
    }

    @Test
    void settingsSurviveReload() {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        config.setTestRailUrl("https://example.testrail.io/");
        config.setSection("API");
        LoadmillTestRailConfiguration reloaded = new LoadmillTestRailConfiguration();
        assertEquals("https://example.testrail.io/", reloaded.getTestRailUrl());
        assertEquals("API", reloaded.getSection());
    }

    @Test
    void administratorsSeeCredentialIds() {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        try (ACLContext ignored = ACL.as2(impersonate("alice"))) {
            ListBoxModel testRail = config.doFillTestRailCredentialsIdItems("https://example.testrail.io/", "");
            assertTrue(TestCredentials.values(testRail).contains(TestCredentials.TESTRAIL_ID));
            // the Loadmill drop-down lists Secret text only
            ListBoxModel loadmill = config.doFillLoadmillCredentialsIdItems("https://app.loadmill.com", "");
            assertTrue(TestCredentials.values(loadmill).contains(TestCredentials.LOADMILL_ID));
            assertFalse(TestCredentials.values(loadmill).contains(TestCredentials.TESTRAIL_ID));
        }
    }

    @Test
    void readersSeeNoCredentialIdsAndCannotTestConnections() {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        try (ACLContext ignored = ACL.as2(impersonate("bob"))) {
            ListBoxModel testRail = config.doFillTestRailCredentialsIdItems("https://example.testrail.io/", "");
            assertFalse(TestCredentials.values(testRail).contains(TestCredentials.TESTRAIL_ID));
            ListBoxModel loadmill = config.doFillLoadmillCredentialsIdItems("https://app.loadmill.com", "");
            assertFalse(TestCredentials.values(loadmill).contains(TestCredentials.LOADMILL_ID));
            // nor anything about them
            assertEquals(
                    FormValidation.Kind.OK,
                    config.doCheckTestRailCredentialsId(SYSTEM_SCOPED_ID, "https://example.testrail.io/").kind);

            // A reader must not point a stored credential at an address of their choice.
            assertThrows(
                    AccessDeniedException.class,
                    () -> config.doTestTestRailConnection("https://attacker.example/", TestCredentials.TESTRAIL_ID));
            assertThrows(
                    AccessDeniedException.class,
                    () -> config.doTestLoadmillConnection("https://attacker.example/", TestCredentials.LOADMILL_ID));
            // Offline field checks: a read-only viewer gets no error page under each field, and no verdict.
            assertEquals(FormValidation.Kind.OK, config.doCheckTestRailUrl("not a url").kind);
            assertEquals(FormValidation.Kind.OK, config.doCheckLoadmillUrl("not a url").kind);
            assertEquals(FormValidation.Kind.OK, config.doCheckStatusMapping("no mapping here").kind);
        }
    }

    @Test
    void testConnectionWithoutCredentialSaysWhatIsMissing() {
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        try (ACLContext ignored = ACL.as2(impersonate("alice"))) {
            FormValidation testRail = config.doTestTestRailConnection("https://example.testrail.io/", "");
            assertEquals(FormValidation.Kind.ERROR, testRail.kind);
            FormValidation wrongKind =
                    config.doTestLoadmillConnection("https://app.loadmill.com", TestCredentials.TESTRAIL_ID);
            assertEquals(FormValidation.Kind.ERROR, wrongKind.kind);
        }
    }

    private static final String SYSTEM_SCOPED_ID = "testrail-system-scoped";

    /**
     * At the root, the system store also holds System-scoped credentials, which no job can use: the
     * global page must neither offer nor accept them, or every build fails after a green "Test".
     */
    @Test
    void theGlobalPageOffersAndAcceptsOnlyCredentialsJobsCanUse() throws Exception {
        SystemCredentialsProvider.getInstance()
                .getCredentials()
                .add(new UsernamePasswordCredentialsImpl(
                        CredentialsScope.SYSTEM,
                        SYSTEM_SCOPED_ID,
                        "system only",
                        TestCredentials.TESTRAIL_USER,
                        TestCredentials.TESTRAIL_KEY));
        SystemCredentialsProvider.getInstance().save();
        LoadmillTestRailConfiguration config = LoadmillTestRailConfiguration.get();
        try (ACLContext ignored = ACL.as2(impersonate("alice"))) {
            List<String> offered =
                    TestCredentials.values(config.doFillTestRailCredentialsIdItems("https://example.testrail.io/", ""));
            assertTrue(offered.contains(TestCredentials.TESTRAIL_ID), "Global-scoped credential offered");
            assertFalse(offered.contains(SYSTEM_SCOPED_ID), "System-scoped credential offered: " + offered);

            FormValidation check =
                    config.doCheckTestRailCredentialsId(SYSTEM_SCOPED_ID, "https://example.testrail.io/");
            assertEquals(FormValidation.Kind.ERROR, check.kind);
            assertTrue(check.getMessage().contains("System scope"), check.getMessage());
            FormValidation test = config.doTestTestRailConnection("https://example.testrail.io/", SYSTEM_SCOPED_ID);
            assertEquals(FormValidation.Kind.ERROR, test.kind);
            assertTrue(test.getMessage().contains("System scope"), test.getMessage());

            assertEquals(
                    FormValidation.Kind.OK,
                    config.doCheckTestRailCredentialsId(TestCredentials.TESTRAIL_ID, "https://example.testrail.io/")
                            .kind);
            assertEquals(
                    FormValidation.Kind.OK,
                    config.doCheckLoadmillCredentialsId(TestCredentials.LOADMILL_ID, "https://app.loadmill.com").kind);
            FormValidation wrongKind =
                    config.doCheckLoadmillCredentialsId(TestCredentials.TESTRAIL_ID, "https://app.loadmill.com");
            assertEquals(FormValidation.Kind.ERROR, wrongKind.kind);
            assertTrue(wrongKind.getMessage().contains("Secret text"), wrongKind.getMessage());
            assertEquals(
                    FormValidation.Kind.ERROR,
                    config.doCheckTestRailCredentialsId("nope", "https://example.testrail.io/").kind);
        }
    }

    /** A test button must not change what running builds do: the host's rate limit stays as saved. */
    @Test
    void testingTheConnectionLeavesTheRateLimitOfRunningBuildsAlone() throws Exception {
        try (TestRailSimulator testRail = TestRailSimulator.start()) {
            testRail.addUser(TestCredentials.TESTRAIL_USER, TestCredentials.TESTRAIL_KEY);
            LoadmillTestRailConfiguration.get().setTestRailRequestsPerMinute(120);
            // what a running publish to this host has set
            RateLimiter shared = TestRailClient.sharedLimiter(
                    TestRailSettings.of(testRail.url(), TestCredentials.TESTRAIL_USER, "any")
                            .withRequestsPerMinute(120));

            // The button as the page sends it, with an unsaved rate in the form.
            JenkinsRule.WebClient wc = j.createWebClient().login("alice");
            WebRequest request = new WebRequest(
                    new URL(
                            j.getURL(),
                            "descriptorByName/" + LoadmillTestRailConfiguration.class.getName()
                                    + "/testTestRailConnection"),
                    HttpMethod.POST);
            request.setRequestParameters(List.of(
                    new NameValuePair("testRailUrl", testRail.url()),
                    new NameValuePair("testRailCredentialsId", TestCredentials.TESTRAIL_ID),
                    new NameValuePair("testRailRequestsPerMinute", "5")));
            wc.addCrumb(request);
            String answer = wc.getPage(request).getWebResponse().getContentAsString();

            assertTrue(answer.contains("Connected to TestRail"), answer);
            assertEquals(RateLimiter.Limit.perMinute(120), shared.limit());
        }
    }

    @Test
    void webMethodsRefuseGet() throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        wc.login("alice");
        Page page = wc.goTo(
                "descriptorByName/" + LoadmillTestRailConfiguration.class.getName()
                        + "/testTestRailConnection?testRailUrl=https://attacker.example/&testRailCredentialsId="
                        + TestCredentials.TESTRAIL_ID,
                null);
        // @POST makes Stapler skip the method for a GET: the request ends as "not found" (or 405).
        int status = page.getWebResponse().getStatusCode();
        assertTrue(status == 404 || status == 405, "GET must not reach the test button; got " + status);
    }

    private static org.springframework.security.core.Authentication impersonate(String user) {
        return hudson.model.User.getById(user, true).impersonate2();
    }
}
