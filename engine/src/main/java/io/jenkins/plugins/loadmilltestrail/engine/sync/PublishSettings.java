package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Where and how to publish collected results in TestRail.
 *
 * @param project TestRail project name or id
 * @param caseSensitive compare names case-sensitively (default true)
 * @param casePins flows pinned to cases
 * @param suiteMap Loadmill suite name → TestRail suite (mode 3) or section (modes 1, 2), id or name
 * @param baseline in suite_mode 2, the suite (master or baseline) to use, by name or id; "" = master
 * @param section in suite_mode 3, the section that holds created cases (default "Loadmill")
 * @param runName template for the run or plan name
 * @param variables values for the template and description supplied by the front end
 *     (JOB_NAME, BUILD_NUMBER, BUILD_URL, ...)
 * @param milestone milestone name or id, or ""
 * @param existingRunId publish into this run instead of creating one, or empty
 * @param existingPlanId publish into this plan instead of creating one, or empty
 * @param statusMap Loadmill status (PASSED, FAILED, FLAKY, STOPPED, ...) → TestRail status name
 * @param caseFieldDefaults values for required case fields when creating cases (system_name → value)
 * @param version result version, or "" to use the Loadmill run id
 * @param batchSize results per add_results_for_cases call
 */
public record PublishSettings(
        String project,
        MatchMode matching,
        boolean caseSensitive,
        List<CasePin> casePins,
        Map<String, String> suiteMap,
        String baseline,
        boolean autoCreate,
        String section,
        String runName,
        Map<String, String> variables,
        String milestone,
        boolean closeRun,
        OptionalLong existingRunId,
        OptionalLong existingPlanId,
        Map<String, String> statusMap,
        Map<String, String> caseFieldDefaults,
        String version,
        int batchSize) {

    public static final String DEFAULT_SECTION = "Loadmill";
    public static final String DEFAULT_RUN_NAME = "${LOADMILL_NAME} (Loadmill ${DATE})";
    public static final int DEFAULT_BATCH_SIZE = 250;

    public PublishSettings {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(matching, "matching");
        casePins = List.copyOf(casePins);
        suiteMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(suiteMap));
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(runName, "runName");
        variables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Objects.requireNonNull(milestone, "milestone");
        Objects.requireNonNull(existingRunId, "existingRunId");
        Objects.requireNonNull(existingPlanId, "existingPlanId");
        statusMap = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statusMap));
        caseFieldDefaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(caseFieldDefaults));
        Objects.requireNonNull(version, "version");
    }
}
