package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.json.JSONObject;

/**
 * The job settings shared, field for field, by {@link LoadmillTestRailStep} and {@link
 * LoadmillTestRailRecorder}. Both hold one instance and delegate their data-bound getters and
 * setters to it, so the two front ends cannot drift apart.
 *
 * <p>Blank text is stored as {@code null} ("not set"); a {@code null} number or tri-state flag
 * means "use the global default" (or "Loadmill's default"). Nothing here is a secret: only
 * credential ids are stored.
 */
public final class JobFields {
    public static final String MATCHING_NAME = "name";
    public static final String MATCHING_ID = "id";
    public static final String RESULT_UNSTABLE = "UNSTABLE";
    public static final String RESULT_FAILURE = "FAILURE";
    public static final String RESULT_UNCHANGED = "UNCHANGED";
    public static final String DEFAULT_RESULTS_FILE = "loadmill-testrail-results.json";
    public static final String DEFAULT_JUNIT_FILE = "loadmill-testrail-junit.xml";
    public static final String DEFAULT_RUN_NAME = "${JOB_NAME} #${BUILD_NUMBER}";

    /** Form fields whose blank value means "use the global default" rather than false. */
    private static final String[] TRI_STATE_FIELDS = {"autoCreate", "closeRun"};

    // Loadmill: what to run
    @CheckForNull
    private String testPlanId;

    @CheckForNull
    private String suiteIds;

    @CheckForNull
    private String labels;

    @CheckForNull
    private String labelsExpression;

    @CheckForNull
    private String tags;

    @CheckForNull
    private Integer parallel;

    @CheckForNull
    private Integer retryFailedFlows;

    @CheckForNull
    private String pool;

    @CheckForNull
    private String branch;

    @CheckForNull
    private String parameters;

    @CheckForNull
    private String additionalDescription;

    @CheckForNull
    private Integer timeoutMinutes;

    @CheckForNull
    private String loadmillCredentialsId;

    // TestRail: where to publish
    @CheckForNull
    private String project;

    // The fields below are null only in configurations saved before they existed (XStream does
    // not run initializers); their getters supply the defaults.
    @CheckForNull
    private String matching = MATCHING_NAME;

    @CheckForNull
    private List<FlowCaseMapping> caseMap = new ArrayList<>();

    @CheckForNull
    private List<SuiteMapping> suiteMap = new ArrayList<>();

    @CheckForNull
    private Boolean autoCreate;

    @CheckForNull
    private String section;

    @CheckForNull
    private String runName;

    @CheckForNull
    private String milestone;

    @CheckForNull
    private Boolean closeRun;

    @CheckForNull
    private Integer existingRunId;

    @CheckForNull
    private Integer existingPlanId;

    @CheckForNull
    private String testRailCredentialsId;

    // Results
    @CheckForNull
    private String resultsFile = DEFAULT_RESULTS_FILE;

    @CheckForNull
    private String junitFile = DEFAULT_JUNIT_FILE;

    @CheckForNull
    private String failedFlowsResult = RESULT_UNSTABLE;

    @CheckForNull
    private String publishErrorResult = RESULT_FAILURE;

    @CheckForNull
    private String resultFields;

    @CheckForNull
    private String runDescription;

    @CheckForNull
    private String runRefs;

    @CheckForNull
    private String assignFailed;

    private boolean attachFailures;

    @CheckForNull
    private String configurations;

    /**
     * A form sends "" for a tri-state select left at "use the global default"; Stapler would bind
     * that to {@code false}. Dropping the key leaves the field {@code null}.
     *
     * <p>Edits {@code formData} in place and returns it. A copy through {@code JSONObject.fromObject}
     * would re-parse string values that look like JSON ("[smoke]", "{x}", "null") into arrays,
     * objects or JSON null, changing what the user typed.
     */
    static JSONObject dropBlankTriStates(JSONObject formData) {
        for (String key : TRI_STATE_FIELDS) {
            if (formData.has(key) && Util.fixEmptyAndTrim(formData.optString(key)) == null) {
                formData.remove(key);
            }
        }
        return formData;
    }

    @CheckForNull
    public String getTestPlanId() {
        return testPlanId;
    }

    public void setTestPlanId(@CheckForNull String testPlanId) {
        this.testPlanId = Util.fixEmptyAndTrim(testPlanId);
    }

    @CheckForNull
    public String getSuiteIds() {
        return suiteIds;
    }

    public void setSuiteIds(@CheckForNull String suiteIds) {
        this.suiteIds = Util.fixEmptyAndTrim(suiteIds);
    }

    @CheckForNull
    public String getLabels() {
        return labels;
    }

    public void setLabels(@CheckForNull String labels) {
        this.labels = Util.fixEmptyAndTrim(labels);
    }

    @CheckForNull
    public String getLabelsExpression() {
        return labelsExpression;
    }

    public void setLabelsExpression(@CheckForNull String labelsExpression) {
        this.labelsExpression = Util.fixEmptyAndTrim(labelsExpression);
    }

    @CheckForNull
    public String getTags() {
        return tags;
    }

    public void setTags(@CheckForNull String tags) {
        this.tags = Util.fixEmptyAndTrim(tags);
    }

    @CheckForNull
    public Integer getParallel() {
        return parallel;
    }

    public void setParallel(@CheckForNull Integer parallel) {
        this.parallel = parallel;
    }

    @CheckForNull
    public Integer getRetryFailedFlows() {
        return retryFailedFlows;
    }

    public void setRetryFailedFlows(@CheckForNull Integer retryFailedFlows) {
        this.retryFailedFlows = retryFailedFlows;
    }

    @CheckForNull
    public String getPool() {
        return pool;
    }

    public void setPool(@CheckForNull String pool) {
        this.pool = Util.fixEmptyAndTrim(pool);
    }

    @CheckForNull
    public String getBranch() {
        return branch;
    }

    public void setBranch(@CheckForNull String branch) {
        this.branch = Util.fixEmptyAndTrim(branch);
    }

    @CheckForNull
    public String getParameters() {
        return parameters;
    }

    public void setParameters(@CheckForNull String parameters) {
        this.parameters = Util.fixEmptyAndTrim(parameters);
    }

    @CheckForNull
    public String getAdditionalDescription() {
        return additionalDescription;
    }

    public void setAdditionalDescription(@CheckForNull String additionalDescription) {
        this.additionalDescription = Util.fixEmptyAndTrim(additionalDescription);
    }

    @CheckForNull
    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    public void setTimeoutMinutes(@CheckForNull Integer timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @CheckForNull
    public String getLoadmillCredentialsId() {
        return loadmillCredentialsId;
    }

    public void setLoadmillCredentialsId(@CheckForNull String loadmillCredentialsId) {
        this.loadmillCredentialsId = Util.fixEmptyAndTrim(loadmillCredentialsId);
    }

    @CheckForNull
    public String getProject() {
        return project;
    }

    public void setProject(@CheckForNull String project) {
        this.project = Util.fixEmptyAndTrim(project);
    }

    public String getMatching() {
        return matching == null ? MATCHING_NAME : matching;
    }

    /** "name" (default) or "id"; anything else is kept as given and rejected by the engine when run. */
    public void setMatching(@CheckForNull String matching) {
        String value = Util.fixEmptyAndTrim(matching);
        this.matching = value == null ? MATCHING_NAME : value.toLowerCase(Locale.ROOT);
    }

    public List<FlowCaseMapping> getCaseMap() {
        return caseMap == null ? new ArrayList<>() : caseMap;
    }

    public void setCaseMap(@CheckForNull List<FlowCaseMapping> caseMap) {
        this.caseMap = caseMap == null ? new ArrayList<>() : new ArrayList<>(caseMap);
    }

    public List<SuiteMapping> getSuiteMap() {
        return suiteMap == null ? new ArrayList<>() : suiteMap;
    }

    public void setSuiteMap(@CheckForNull List<SuiteMapping> suiteMap) {
        this.suiteMap = suiteMap == null ? new ArrayList<>() : new ArrayList<>(suiteMap);
    }

    @CheckForNull
    public Boolean getAutoCreate() {
        return autoCreate;
    }

    public void setAutoCreate(@CheckForNull Boolean autoCreate) {
        this.autoCreate = autoCreate;
    }

    @CheckForNull
    public String getSection() {
        return section;
    }

    public void setSection(@CheckForNull String section) {
        this.section = Util.fixEmptyAndTrim(section);
    }

    @CheckForNull
    public String getRunName() {
        return runName;
    }

    public void setRunName(@CheckForNull String runName) {
        this.runName = Util.fixEmptyAndTrim(runName);
    }

    @CheckForNull
    public String getMilestone() {
        return milestone;
    }

    public void setMilestone(@CheckForNull String milestone) {
        this.milestone = Util.fixEmptyAndTrim(milestone);
    }

    @CheckForNull
    public Boolean getCloseRun() {
        return closeRun;
    }

    public void setCloseRun(@CheckForNull Boolean closeRun) {
        this.closeRun = closeRun;
    }

    @CheckForNull
    public Integer getExistingRunId() {
        return existingRunId;
    }

    public void setExistingRunId(@CheckForNull Integer existingRunId) {
        this.existingRunId = existingRunId;
    }

    @CheckForNull
    public Integer getExistingPlanId() {
        return existingPlanId;
    }

    public void setExistingPlanId(@CheckForNull Integer existingPlanId) {
        this.existingPlanId = existingPlanId;
    }

    @CheckForNull
    public String getTestRailCredentialsId() {
        return testRailCredentialsId;
    }

    public void setTestRailCredentialsId(@CheckForNull String testRailCredentialsId) {
        this.testRailCredentialsId = Util.fixEmptyAndTrim(testRailCredentialsId);
    }

    public String getResultsFile() {
        return resultsFile == null ? DEFAULT_RESULTS_FILE : resultsFile;
    }

    /** A workspace-relative path; blank restores the default. */
    public void setResultsFile(@CheckForNull String resultsFile) {
        String value = Util.fixEmptyAndTrim(resultsFile);
        this.resultsFile = value == null ? DEFAULT_RESULTS_FILE : value;
    }

    public String getJunitFile() {
        return junitFile == null ? DEFAULT_JUNIT_FILE : junitFile;
    }

    /** A workspace-relative path; blank restores the default. */
    public void setJunitFile(@CheckForNull String junitFile) {
        String value = Util.fixEmptyAndTrim(junitFile);
        this.junitFile = value == null ? DEFAULT_JUNIT_FILE : value;
    }

    public String getFailedFlowsResult() {
        return failedFlowsResult == null ? RESULT_UNSTABLE : failedFlowsResult;
    }

    /** UNSTABLE (default), FAILURE or UNCHANGED. */
    public void setFailedFlowsResult(@CheckForNull String failedFlowsResult) {
        String value = Util.fixEmptyAndTrim(failedFlowsResult);
        this.failedFlowsResult = value == null ? RESULT_UNSTABLE : value.toUpperCase(Locale.ROOT);
    }

    /** The build result when publishing to TestRail failed after Loadmill ran. */
    public String getPublishErrorResult() {
        return publishErrorResult == null ? RESULT_FAILURE : publishErrorResult;
    }

    /** FAILURE (default), UNSTABLE or UNCHANGED. */
    public void setPublishErrorResult(@CheckForNull String publishErrorResult) {
        String value = Util.fixEmptyAndTrim(publishErrorResult);
        this.publishErrorResult = value == null ? RESULT_FAILURE : value.toUpperCase(Locale.ROOT);
    }

    /** TestRail result field values, one NAME=VALUE per line, e.g. custom_environment=Staging. */
    @CheckForNull
    public String getResultFields() {
        return resultFields;
    }

    public void setResultFields(@CheckForNull String resultFields) {
        this.resultFields = Util.fixEmptyAndTrim(resultFields);
    }

    /** Description of a created run or plan, with variables; null for the default (links to the Loadmill run and the build). */
    @CheckForNull
    public String getRunDescription() {
        return runDescription;
    }

    public void setRunDescription(@CheckForNull String runDescription) {
        this.runDescription = Util.fixEmptyAndTrim(runDescription);
    }

    /** References (refs) of a created run or plan entry, e.g. a Jira key or ${GIT_COMMIT}. */
    @CheckForNull
    public String getRunRefs() {
        return runRefs;
    }

    public void setRunRefs(@CheckForNull String runRefs) {
        this.runRefs = Util.fixEmptyAndTrim(runRefs);
    }

    /** Email of the TestRail user the failed tests are assigned to. */
    @CheckForNull
    public String getAssignFailed() {
        return assignFailed;
    }

    public void setAssignFailed(@CheckForNull String assignFailed) {
        this.assignFailed = Util.fixEmptyAndTrim(assignFailed);
    }

    /** Upload each failed flow's requests and responses as an attachment to its TestRail result. */
    public boolean isAttachFailures() {
        return attachFailures;
    }

    public void setAttachFailures(boolean attachFailures) {
        this.attachFailures = attachFailures;
    }

    /** TestRail plan configurations, one per line: "Group/Name", "Name" or an id. */
    @CheckForNull
    public String getConfigurations() {
        return configurations;
    }

    public void setConfigurations(@CheckForNull String configurations) {
        this.configurations = Util.fixEmptyAndTrim(configurations);
    }
}
