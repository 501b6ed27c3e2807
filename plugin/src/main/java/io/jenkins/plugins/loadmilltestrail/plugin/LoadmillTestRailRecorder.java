package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Freestyle post-build action "Run Loadmill tests and publish to TestRail". Same options as the
 * Pipeline step {@code loadmillTestRail} (shared through {@link JobFields}); its own symbol is
 * {@code loadmillTestRailPublisher} because a step's function name would shadow an equal symbol.
 */
public class LoadmillTestRailRecorder extends Recorder implements SimpleBuildStep {
    private final JobFields job = new JobFields();

    @DataBoundConstructor
    public LoadmillTestRailRecorder() {}

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(
            @NonNull Run<?, ?> run,
            @NonNull FilePath workspace,
            @NonNull EnvVars env,
            @NonNull Launcher launcher,
            @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        // Numbered: a Pipeline may call the publisher several times in one build.
        JobRunner.Outcome outcome = JobRunner.run(job, run, workspace, env, listener, null);
        Result result = outcome.result();
        if (result != null) {
            listener.getLogger().println(outcome.warning());
            run.setResult(result);
        }
    }

    @CheckForNull
    public String getTestPlanId() {
        return job.getTestPlanId();
    }

    @DataBoundSetter
    public void setTestPlanId(@CheckForNull String testPlanId) {
        job.setTestPlanId(testPlanId);
    }

    @CheckForNull
    public String getSuiteIds() {
        return job.getSuiteIds();
    }

    @DataBoundSetter
    public void setSuiteIds(@CheckForNull String suiteIds) {
        job.setSuiteIds(suiteIds);
    }

    @CheckForNull
    public String getLabels() {
        return job.getLabels();
    }

    @DataBoundSetter
    public void setLabels(@CheckForNull String labels) {
        job.setLabels(labels);
    }

    @CheckForNull
    public String getLabelsExpression() {
        return job.getLabelsExpression();
    }

    @DataBoundSetter
    public void setLabelsExpression(@CheckForNull String labelsExpression) {
        job.setLabelsExpression(labelsExpression);
    }

    @CheckForNull
    public String getTags() {
        return job.getTags();
    }

    @DataBoundSetter
    public void setTags(@CheckForNull String tags) {
        job.setTags(tags);
    }

    @CheckForNull
    public Integer getParallel() {
        return job.getParallel();
    }

    @DataBoundSetter
    public void setParallel(@CheckForNull Integer parallel) {
        job.setParallel(parallel);
    }

    @CheckForNull
    public Integer getRetryFailedFlows() {
        return job.getRetryFailedFlows();
    }

    @DataBoundSetter
    public void setRetryFailedFlows(@CheckForNull Integer retryFailedFlows) {
        job.setRetryFailedFlows(retryFailedFlows);
    }

    @CheckForNull
    public String getPool() {
        return job.getPool();
    }

    @DataBoundSetter
    public void setPool(@CheckForNull String pool) {
        job.setPool(pool);
    }

    @CheckForNull
    public String getBranch() {
        return job.getBranch();
    }

    @DataBoundSetter
    public void setBranch(@CheckForNull String branch) {
        job.setBranch(branch);
    }

    @CheckForNull
    public String getParameters() {
        return job.getParameters();
    }

    @DataBoundSetter
    public void setParameters(@CheckForNull String parameters) {
        job.setParameters(parameters);
    }

    @CheckForNull
    public String getAdditionalDescription() {
        return job.getAdditionalDescription();
    }

    @DataBoundSetter
    public void setAdditionalDescription(@CheckForNull String additionalDescription) {
        job.setAdditionalDescription(additionalDescription);
    }

    @CheckForNull
    public Integer getTimeoutMinutes() {
        return job.getTimeoutMinutes();
    }

    @DataBoundSetter
    public void setTimeoutMinutes(@CheckForNull Integer timeoutMinutes) {
        job.setTimeoutMinutes(timeoutMinutes);
    }

    @CheckForNull
    public String getLoadmillCredentialsId() {
        return job.getLoadmillCredentialsId();
    }

    @DataBoundSetter
    public void setLoadmillCredentialsId(@CheckForNull String loadmillCredentialsId) {
        job.setLoadmillCredentialsId(loadmillCredentialsId);
    }

    @CheckForNull
    public String getProject() {
        return job.getProject();
    }

    @DataBoundSetter
    public void setProject(@CheckForNull String project) {
        job.setProject(project);
    }

    public String getMatching() {
        return job.getMatching();
    }

    @DataBoundSetter
    public void setMatching(@CheckForNull String matching) {
        job.setMatching(matching);
    }

    public List<FlowCaseMapping> getCaseMap() {
        return job.getCaseMap();
    }

    @DataBoundSetter
    public void setCaseMap(@CheckForNull List<FlowCaseMapping> caseMap) {
        job.setCaseMap(caseMap);
    }

    public List<SuiteMapping> getSuiteMap() {
        return job.getSuiteMap();
    }

    @DataBoundSetter
    public void setSuiteMap(@CheckForNull List<SuiteMapping> suiteMap) {
        job.setSuiteMap(suiteMap);
    }

    @CheckForNull
    public Boolean getAutoCreate() {
        return job.getAutoCreate();
    }

    @DataBoundSetter
    public void setAutoCreate(@CheckForNull Boolean autoCreate) {
        job.setAutoCreate(autoCreate);
    }

    @CheckForNull
    public String getSection() {
        return job.getSection();
    }

    @DataBoundSetter
    public void setSection(@CheckForNull String section) {
        job.setSection(section);
    }

    @CheckForNull
    public String getRunName() {
        return job.getRunName();
    }

    @DataBoundSetter
    public void setRunName(@CheckForNull String runName) {
        job.setRunName(runName);
    }

    @CheckForNull
    public String getMilestone() {
        return job.getMilestone();
    }

    @DataBoundSetter
    public void setMilestone(@CheckForNull String milestone) {
        job.setMilestone(milestone);
    }

    @CheckForNull
    public Boolean getCloseRun() {
        return job.getCloseRun();
    }

    @DataBoundSetter
    public void setCloseRun(@CheckForNull Boolean closeRun) {
        job.setCloseRun(closeRun);
    }

    @CheckForNull
    public Integer getExistingRunId() {
        return job.getExistingRunId();
    }

    @DataBoundSetter
    public void setExistingRunId(@CheckForNull Integer existingRunId) {
        job.setExistingRunId(existingRunId);
    }

    @CheckForNull
    public Integer getExistingPlanId() {
        return job.getExistingPlanId();
    }

    @DataBoundSetter
    public void setExistingPlanId(@CheckForNull Integer existingPlanId) {
        job.setExistingPlanId(existingPlanId);
    }

    @CheckForNull
    public String getTestRailCredentialsId() {
        return job.getTestRailCredentialsId();
    }

    @DataBoundSetter
    public void setTestRailCredentialsId(@CheckForNull String testRailCredentialsId) {
        job.setTestRailCredentialsId(testRailCredentialsId);
    }

    public String getResultsFile() {
        return job.getResultsFile();
    }

    @DataBoundSetter
    public void setResultsFile(@CheckForNull String resultsFile) {
        job.setResultsFile(resultsFile);
    }

    public String getJunitFile() {
        return job.getJunitFile();
    }

    @DataBoundSetter
    public void setJunitFile(@CheckForNull String junitFile) {
        job.setJunitFile(junitFile);
    }

    public String getFailedFlowsResult() {
        return job.getFailedFlowsResult();
    }

    @DataBoundSetter
    public void setFailedFlowsResult(@CheckForNull String failedFlowsResult) {
        job.setFailedFlowsResult(failedFlowsResult);
    }

    @CheckForNull
    public String getResultFields() {
        return job.getResultFields();
    }

    @DataBoundSetter
    public void setResultFields(@CheckForNull String resultFields) {
        job.setResultFields(resultFields);
    }

    @CheckForNull
    public String getRunDescription() {
        return job.getRunDescription();
    }

    @DataBoundSetter
    public void setRunDescription(@CheckForNull String runDescription) {
        job.setRunDescription(runDescription);
    }

    @CheckForNull
    public String getRunRefs() {
        return job.getRunRefs();
    }

    @DataBoundSetter
    public void setRunRefs(@CheckForNull String runRefs) {
        job.setRunRefs(runRefs);
    }

    @CheckForNull
    public String getAssignFailed() {
        return job.getAssignFailed();
    }

    @DataBoundSetter
    public void setAssignFailed(@CheckForNull String assignFailed) {
        job.setAssignFailed(assignFailed);
    }

    @CheckForNull
    public String getConfigurations() {
        return job.getConfigurations();
    }

    @DataBoundSetter
    public void setConfigurations(@CheckForNull String configurations) {
        job.setConfigurations(configurations);
    }

    public boolean isAttachFailures() {
        return job.isAttachFailures();
    }

    @DataBoundSetter
    public void setAttachFailures(boolean attachFailures) {
        job.setAttachFailures(attachFailures);
    }

    public String getPublishErrorResult() {
        return job.getPublishErrorResult();
    }

    @DataBoundSetter
    public void setPublishErrorResult(@CheckForNull String publishErrorResult) {
        job.setPublishErrorResult(publishErrorResult);
    }

    @Extension
    @Symbol("loadmillTestRailPublisher")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {
        /** Fields whose help is the same as the step's: served from the step's help files. */
        private static final List<String> FIELDS_WITH_STEP_HELP = List.of(
                "additionalDescription",
                "autoCreate",
                "branch",
                "caseMap",
                "closeRun",
                "existingPlanId",
                "existingRunId",
                "junitFile",
                "labels",
                "labelsExpression",
                "loadmillCredentialsId",
                "matching",
                "milestone",
                "parallel",
                "parameters",
                "resultFields",
                "configurations",
                "runDescription",
                "runRefs",
                "attachFailures",
                "assignFailed",
                "pool",
                "project",
                "resultsFile",
                "retryFailedFlows",
                "runName",
                "section",
                "suiteIds",
                "suiteMap",
                "tags",
                "testPlanId",
                "testRailCredentialsId",
                "timeoutMinutes");

        public DescriptorImpl() {
            for (String field : FIELDS_WITH_STEP_HELP) {
                addHelpFileRedirect(field, LoadmillTestRailStep.class, field);
            }
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Run Loadmill tests and publish the results to TestRail";
        }

        @Override
        public Publisher newInstance(@CheckForNull StaplerRequest2 req, JSONObject formData) throws FormException {
            return super.newInstance(req, JobFields.dropBlankTriStates(formData));
        }

        @POST
        public ListBoxModel doFillTestRailCredentialsIdItems(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String testRailCredentialsId) {
            return JobForms.fillTestRailCredentials(item, testRailCredentialsId);
        }

        @POST
        public ListBoxModel doFillLoadmillCredentialsIdItems(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String loadmillCredentialsId) {
            return JobForms.fillLoadmillCredentials(item, loadmillCredentialsId);
        }

        @POST
        public ListBoxModel doFillMatchingItems() {
            return JobForms.matchingItems();
        }

        @POST
        public ListBoxModel doFillAutoCreateItems() {
            return JobForms.triStateItems(LoadmillTestRailConfiguration.get().isAutoCreate());
        }

        @POST
        public ListBoxModel doFillCloseRunItems() {
            return JobForms.triStateItems(LoadmillTestRailConfiguration.get().isCloseRun());
        }

        @POST
        public ListBoxModel doFillFailedFlowsResultItems() {
            return JobForms.failedFlowsResultItems();
        }

        @POST
        public ListBoxModel doFillPublishErrorResultItems() {
            return JobForms.publishErrorResultItems();
        }

        @POST
        public FormValidation doCheckTestRailCredentialsId(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            return JobForms.checkCredentialsId(item, value);
        }

        @POST
        public FormValidation doCheckLoadmillCredentialsId(
                @AncestorInPath @CheckForNull Item item, @QueryParameter String value) {
            return JobForms.checkCredentialsId(item, value);
        }

        @POST
        public FormValidation doCheckResultsFile(@QueryParameter String value) {
            return JobForms.checkWorkspacePath(value);
        }

        @POST
        public FormValidation doCheckJunitFile(@QueryParameter String value) {
            return JobForms.checkWorkspacePath(value);
        }
    }
}
