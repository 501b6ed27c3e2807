package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CaseIds;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CasePin;
import io.jenkins.plugins.loadmilltestrail.engine.sync.MatchMode;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.ResultFields;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SettingMaps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one call publishes to TestRail, resolved when the build ran: job variables expanded, global
 * defaults applied, the credential id chosen. Kept on the build's page (build.xml), so that "Publish
 * to TestRail again" publishes exactly what the build would have. Holds no secret: the credential is
 * an id, resolved again against the build when used.
 */
final class PublishRequest {
    private final String testRailCredentialsId;
    private final String project;
    private final String matching;
    private final boolean autoCreate;
    private final String section;
    private final String runName;
    private final LinkedHashMap<String, String> variables;
    private final String milestone;
    private final boolean closeRun;
    private final String statusMapping;
    private final ArrayList<FlowCaseMapping> caseMap;
    private final ArrayList<SuiteMapping> suiteMap;

    private final String resultFields;
    private final String runDescription;
    private final String runRefs;
    private final boolean attachFailures;
    private final String assignFailed;
    private final ArrayList<String> configurations;

    @CheckForNull
    private final Integer existingRunId;

    @CheckForNull
    private final Integer existingPlanId;

    private PublishRequest(JobFields job, LoadmillTestRailConfiguration global, EnvVars env, Run<?, ?> run) {
        Boolean jobAutoCreate = job.getAutoCreate();
        Boolean jobCloseRun = job.getCloseRun();
        String jobSection = job.getSection();
        String jobRunName = job.getRunName();
        this.testRailCredentialsId =
                Util.fixNull(firstNonBlank(job.getTestRailCredentialsId(), global.getTestRailCredentialsId()));
        this.project = env.expand(Util.fixNull(job.getProject()));
        this.matching = job.getMatching();
        this.autoCreate = jobAutoCreate == null ? global.isAutoCreate() : jobAutoCreate;
        this.section = jobSection == null ? global.getSection() : env.expand(jobSection);
        // Job variables are replaced here; the engine replaces its own (LOADMILL_NAME, DATE...).
        this.runName = env.expand(jobRunName == null ? JobFields.DEFAULT_RUN_NAME : jobRunName);
        this.variables = new LinkedHashMap<>(JobRunner.variables(env, run));
        this.milestone = env.expand(Util.fixNull(job.getMilestone()));
        this.closeRun = jobCloseRun == null ? global.isCloseRun() : jobCloseRun;
        this.statusMapping = Util.fixNull(global.getStatusMapping());
        this.caseMap = new ArrayList<>(job.getCaseMap());
        this.suiteMap = new ArrayList<>(job.getSuiteMap());
        this.resultFields = env.expand(Util.fixNull(job.getResultFields()));
        this.runDescription = Util.fixNull(job.getRunDescription());
        this.runRefs = Util.fixNull(job.getRunRefs());
        this.attachFailures = job.isAttachFailures();
        this.assignFailed = env.expand(Util.fixNull(job.getAssignFailed()));
        this.configurations = new ArrayList<>(lines(env.expand(Util.fixNull(job.getConfigurations()))));
        this.existingRunId = job.getExistingRunId();
        this.existingPlanId = job.getExistingPlanId();
    }

    /** The request of a call with these job fields, in this build. */
    static PublishRequest of(JobFields job, LoadmillTestRailConfiguration global, EnvVars env, Run<?, ?> run) {
        return new PublishRequest(job, global, env, run);
    }

    /** The stored id of the TestRail credential ("" when none was configured). */
    String testRailCredentialsId() {
        return testRailCredentialsId;
    }

    /**
     * The engine's settings.
     *
     * @throws io.jenkins.plugins.loadmilltestrail.engine.EngineException naming the setting to fix
     */
    PublishSettings toSettings() {
        PublishSettings.Builder builder = PublishSettings.builder()
                .project(project)
                .matching(matchMode(matching))
                .autoCreate(autoCreate)
                .section(section)
                .runName(runName)
                .variables(variables)
                .milestone(milestone)
                .closeRun(closeRun)
                .statusMap(SettingMaps.parseStatusMap(statusMapping))
                .resultFields(ResultFields.parse(resultFields))
                .runDescription(runDescription)
                .runRefs(runRefs)
                .attachFailures(attachFailures)
                .assignFailed(assignFailed)
                .configurations(configurations);
        List<CasePin> pins = new ArrayList<>();
        for (FlowCaseMapping mapping : caseMap) {
            pins.add(new CasePin(
                    Util.fixNull(mapping.getSuite()),
                    mapping.getFlow(),
                    CaseIds.parse(mapping.getCaseId(), "case map entry for flow '" + mapping.getFlow() + "'")));
        }
        builder.casePins(pins);
        Map<String, String> suites = new LinkedHashMap<>();
        for (SuiteMapping mapping : suiteMap) {
            suites.put(mapping.getLoadmillSuite(), mapping.getTestRailSuite());
        }
        builder.suiteMap(suites);
        if (existingRunId != null) {
            builder.existingRunId(existingRunId);
        }
        if (existingPlanId != null) {
            builder.existingPlanId(existingPlanId);
        }
        return builder.build();
    }

    private static MatchMode matchMode(String matching) {
        try {
            return MatchMode.valueOf(matching.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException("matching must be 'name' or 'id'; got '" + matching + "'.");
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @CheckForNull
    static String firstNonBlank(@CheckForNull String first, @CheckForNull String second) {
        String value = Util.fixEmptyAndTrim(first);
        return value != null ? value : Util.fixEmptyAndTrim(second);
    }
}
