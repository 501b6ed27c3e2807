package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Pipeline step {@code loadmillTestRail}: runs Loadmill, publishes to TestRail, returns a summary
 * map. It runs on a background thread of the controller and never blocks the Pipeline's CPS
 * thread; it does not need an executor, and writes the results file and JUnit XML into the
 * workspace when called inside {@code node}.
 *
 * <p>Every option is shared with {@link LoadmillTestRailRecorder} through {@link JobFields}.
 */
public class LoadmillTestRailStep extends Step {
    private final JobFields job = new JobFields();

    @DataBoundConstructor
    public LoadmillTestRailStep() {}

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(context, this);
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

    /** Runs the job on a pooled thread; an abort interrupts it and the engine stops the Loadmill run. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {
        private static final long serialVersionUID = 1L;

        private final transient LoadmillTestRailStep step;

        Execution(StepContext context, LoadmillTestRailStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            // Optional: present inside node {}, null outside; the workspace files are written only with it.
            FilePath workspace = context.get(FilePath.class);
            EnvVars env = context.get(EnvVars.class);
            // The step's flow node id is unique in the build: it names this call's directory.
            FlowNode node = context.get(FlowNode.class);
            JobRunner.Outcome outcome = JobRunner.run(
                    step.job,
                    run,
                    workspace,
                    env == null ? new EnvVars() : env,
                    listener,
                    node == null ? null : "node-" + node.getId());
            Result result = outcome.result();
            if (Result.FAILURE.equals(result)) {
                // Fail the step itself, so that later stages do not run and catchError, try/catch and
                // post { failure } see it. The build page already holds this call's results; the
                // return value is lost, as for any step that fails.
                throw new AbortException(outcome.warning() + " (failedFlowsResult: 'FAILURE'); the results are on"
                        + " the build's Loadmill → TestRail page.");
            }
            if (result != null) {
                // UNSTABLE, as junit does: mark the step and the build, and carry on.
                if (node != null) {
                    node.addOrReplaceAction(new WarningAction(result).withMessage(outcome.warning()));
                }
                run.setResult(result);
            }
            return outcome.summary();
        }
    }

    @Extension
    public static final class DescriptorImpl extends StepDescriptor {
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public String getFunctionName() {
            return "loadmillTestRail";
        }

        @Override
        public String getDisplayName() {
            return "Run Loadmill tests and publish the results to TestRail";
        }

        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, JSONObject formData) throws FormException {
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
