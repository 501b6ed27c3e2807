package io.jenkins.plugins.loadmilltestrail.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.AbstractProject;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.jenkinsci.plugins.workflow.steps.CoreStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.kohsuke.stapler.DataBoundConstructor;

/** The job-level form shared by the recorder and the step: round trips, defaults, permissions. */
@WithJenkins
class JobConfigurationTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        TestCredentials.add();
    }

    private static LoadmillTestRailRecorder fullyConfiguredRecorder() {
        LoadmillTestRailRecorder r = new LoadmillTestRailRecorder();
        r.setTestPlanId("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");
        r.setLabels("smoke,api");
        r.setLabelsExpression("smoke & !slow");
        r.setTags("nightly");
        r.setParallel(3);
        r.setRetryFailedFlows(1);
        r.setPool("eu");
        r.setBranch("main");
        r.setParameters("host=staging.example.com\nuser=qa");
        r.setAdditionalDescription("from Jenkins");
        r.setTimeoutMinutes(30);
        r.setLoadmillCredentialsId(TestCredentials.LOADMILL_ID);
        r.setProject("Payments");
        r.setMatching("id");
        FlowCaseMapping pin = new FlowCaseMapping("Login", "C123");
        pin.setSuite("Auth");
        r.setCaseMap(List.of(pin, new FlowCaseMapping("Logout", "124")));
        r.setSuiteMap(List.of(new SuiteMapping("Checkout API", "12")));
        r.setAutoCreate(true);
        r.setSection("Automated");
        r.setRunName("Nightly ${BUILD_NUMBER}");
        r.setMilestone("Release 7");
        r.setCloseRun(false);
        r.setExistingRunId(77);
        r.setTestRailCredentialsId(TestCredentials.TESTRAIL_ID);
        r.setResultsFile("reports/loadmill.json");
        r.setJunitFile("reports/loadmill.xml");
        r.setFailedFlowsResult("FAILURE");
        r.setPublishErrorResult("UNSTABLE");
        r.setResultFields("custom_environment=Staging\nversion=${BUILD_NUMBER}");
        r.setRunDescription("Nightly ${BUILD_NUMBER}");
        r.setRunRefs("SHOP-12");
        r.setAssignFailed("qa@example.com");
        r.setAttachFailures(true);
        r.setConfigurations("Environment/Staging\nBrowser/Chrome");
        return r;
    }

    @Test
    void recorderConfigRoundtrip() throws Exception {
        LoadmillTestRailRecorder before = fullyConfiguredRecorder();
        LoadmillTestRailRecorder after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertEquals(Boolean.FALSE, after.getCloseRun());
    }

    /** The step's own form (as the Snippet Generator renders it), shown and saved: nothing is lost. */
    @Test
    void stepConfigRoundtrip() throws Exception {
        LoadmillTestRailStep before = new DescribableModel<>(LoadmillTestRailStep.class)
                .instantiate(DescribableModel.uninstantiate_(fullyConfiguredRecorder()));
        FreeStyleProject p = j.createFreeStyleProject();
        p.getBuildersList().add(new StepHolder(before));
        j.configRoundtrip(p);
        LoadmillTestRailStep after = p.getBuildersList().get(StepHolder.class).step;
        j.assertEqualDataBoundBeans(before, after);
        assertEquals("Payments", after.getProject());
        assertEquals(2, after.getCaseMap().size());
    }

    /** A build step that holds a Pipeline step, so that a job's form renders and binds the step's form. */
    public static final class StepHolder extends Builder {
        public final LoadmillTestRailStep step;

        @DataBoundConstructor
        public StepHolder(LoadmillTestRailStep step) {
            this.step = step;
        }

        @TestExtension
        public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
            @Override
            @SuppressWarnings("rawtypes")
            public boolean isApplicable(Class<? extends AbstractProject> jobType) {
                return true;
            }

            @Override
            public String getDisplayName() {
                return "Holds a loadmillTestRail step";
            }
        }
    }

    @Test
    void recorderConfigRoundtripKeepsUnsetTriStatesUnset() throws Exception {
        LoadmillTestRailRecorder before = new LoadmillTestRailRecorder();
        before.setTestPlanId("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");
        before.setProject("Payments");
        LoadmillTestRailRecorder after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        assertNull(after.getAutoCreate(), "a blank select must mean 'global default', not false");
        assertNull(after.getCloseRun());
        assertEquals(JobFields.DEFAULT_RESULTS_FILE, after.getResultsFile());
        assertEquals(JobFields.RESULT_UNSTABLE, after.getFailedFlowsResult());
    }

    @Test
    void stepSnippetsStayMinimal() throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        LoadmillTestRailStep step = new LoadmillTestRailStep();
        step.setTestPlanId("6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f");
        step.setProject("Payments");
        st.assertRoundTrip(
                step, "loadmillTestRail project: 'Payments', testPlanId: '6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f'");

        LoadmillTestRailStep pinned = new LoadmillTestRailStep();
        pinned.setProject("3");
        pinned.setMatching("id");
        pinned.setAutoCreate(true);
        pinned.setCaseMap(List.of(new FlowCaseMapping("Login", "C123")));
        st.assertRoundTrip(
                pinned,
                "loadmillTestRail autoCreate: true, caseMap: [flowCase(caseId: 'C123', flow: 'Login')], matching:"
                        + " 'id', project: '3'");
    }

    @Test
    void publisherSymbolDiffersFromStepName() throws Exception {
        SnippetizerTester st = new SnippetizerTester(j);
        LoadmillTestRailRecorder r = new LoadmillTestRailRecorder();
        r.setProject("Payments");
        st.assertRoundTrip(new CoreStep(r), "loadmillTestRailPublisher project: 'Payments'");
    }

    @Test
    void jobCredentialDropDownsNeedConfigurePermission() throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("p");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("carol")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("bob"));
        LoadmillTestRailRecorder.DescriptorImpl recorder =
                j.jenkins.getDescriptorByType(LoadmillTestRailRecorder.DescriptorImpl.class);
        LoadmillTestRailStep.DescriptorImpl step =
                j.jenkins.getDescriptorByType(LoadmillTestRailStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("carol", true).impersonate2())) {
            assertTrue(TestCredentials.values(recorder.doFillTestRailCredentialsIdItems(p, ""))
                    .contains(TestCredentials.TESTRAIL_ID));
            assertTrue(TestCredentials.values(step.doFillLoadmillCredentialsIdItems(p, ""))
                    .contains(TestCredentials.LOADMILL_ID));
            assertEquals(FormValidation.Kind.WARNING, recorder.doCheckTestRailCredentialsId(p, "no-such-id").kind);
        }
        try (ACLContext ignored = ACL.as2(User.getById("bob", true).impersonate2())) {
            assertFalse(TestCredentials.values(recorder.doFillTestRailCredentialsIdItems(p, ""))
                    .contains(TestCredentials.TESTRAIL_ID));
            assertFalse(TestCredentials.values(recorder.doFillLoadmillCredentialsIdItems(p, ""))
                    .contains(TestCredentials.LOADMILL_ID));
            assertFalse(TestCredentials.values(step.doFillTestRailCredentialsIdItems(p, ""))
                    .contains(TestCredentials.TESTRAIL_ID));
            // Outside a job (Snippet Generator at the root) the drop-down needs Overall/Administer.
            assertFalse(TestCredentials.values(step.doFillTestRailCredentialsIdItems(null, ""))
                    .contains(TestCredentials.TESTRAIL_ID));
            // A check answers nothing that tells whether an id exists.
            assertEquals(FormValidation.Kind.OK, recorder.doCheckTestRailCredentialsId(p, "no-such-id").kind);
            assertEquals(FormValidation.Kind.OK, step.doCheckLoadmillCredentialsId(p, "no-such-id").kind);
        }
    }

    @Test
    void workspacePathsMustStayInTheWorkspace() {
        LoadmillTestRailStep.DescriptorImpl step =
                j.jenkins.getDescriptorByType(LoadmillTestRailStep.DescriptorImpl.class);
        assertEquals(FormValidation.Kind.OK, step.doCheckResultsFile("reports/loadmill.json").kind);
        assertEquals(FormValidation.Kind.ERROR, step.doCheckResultsFile("../outside.json").kind);
        assertEquals(FormValidation.Kind.ERROR, step.doCheckJunitFile("/etc/junit.xml").kind);
        assertEquals(FormValidation.Kind.ERROR, step.doCheckJunitFile("C:\\junit.xml").kind);
    }
}
