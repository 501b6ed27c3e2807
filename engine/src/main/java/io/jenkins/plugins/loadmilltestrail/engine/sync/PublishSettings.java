package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.ArrayList;
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
 * @param resultFields values for TestRail result fields sent with every result (field name → value,
 *     with run name variables), see {@link ResultFields}
 * @param runDescription template for the description of a created run or plan (and of the plan
 *     entries a publish adds), with the run-name variables; "" = {@link RunNames#description the
 *     default}, which links to the Loadmill run and the CI build
 * @param runRefs template for the references ({@code refs}) of a created run or plan entry, e.g. a
 *     Jira key or the commit, with the run-name variables; "" = none. TestRail keeps at most
 *     {@link RunNames#MAX_REFS} characters
 * @param attachFailures upload each failed flow's request and response as an attachment to its result
 * @param assignFailed email of the TestRail user the failed tests are assigned to, or ""
 * @param configurations TestRail configurations of the plan run, each "Group/Name", "Name" or an id;
 *     at most one per group. Not empty: results go to the run with exactly these configurations in
 *     a plan (new, or --existing-plan), in an entry of its own
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
        int batchSize,
        Map<String, String> resultFields,
        String runDescription,
        String runRefs,
        boolean attachFailures,
        String assignFailed,
        List<String> configurations) {

    public static final String DEFAULT_SECTION = "Loadmill";
    public static final String DEFAULT_RUN_NAME = "${LOADMILL_NAME} (Loadmill ${DATE})";
    public static final int DEFAULT_BATCH_SIZE = 250;
    /** Larger bodies risk a web server's size limit (413); TestRail documents no maximum. */
    public static final int MAX_BATCH_SIZE = 1000;

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
        resultFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resultFields));
        Objects.requireNonNull(runDescription, "runDescription");
        Objects.requireNonNull(runRefs, "runRefs");
        Objects.requireNonNull(assignFailed, "assignFailed");
        configurations = List.copyOf(configurations);
    }

    /** Settings without plan configurations (the signature before {@code configurations} was added). */
    public PublishSettings(String project, MatchMode matching, boolean caseSensitive, List<CasePin> casePins,
            Map<String, String> suiteMap, String baseline, boolean autoCreate, String section, String runName,
            Map<String, String> variables, String milestone, boolean closeRun, OptionalLong existingRunId,
            OptionalLong existingPlanId, Map<String, String> statusMap, Map<String, String> caseFieldDefaults,
            String version, int batchSize, Map<String, String> resultFields, String runDescription, String runRefs,
            boolean attachFailures, String assignFailed) {
        this(project, matching, caseSensitive, casePins, suiteMap, baseline, autoCreate, section, runName, variables,
                milestone, closeRun, existingRunId, existingPlanId, statusMap, caseFieldDefaults, version, batchSize,
                resultFields, runDescription, runRefs, attachFailures, assignFailed, List.of());
    }

    /** A builder with the defaults: match by name, case-sensitive, no auto-create, new run, batches of 250. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link PublishSettings}; {@link #build()} validates and names the setting at fault. */
    public static final class Builder {
        private String project = "";
        private MatchMode matching = MatchMode.NAME;
        private boolean caseSensitive = true;
        private final List<CasePin> casePins = new ArrayList<>();
        private final Map<String, String> suiteMap = new LinkedHashMap<>();
        private String baseline = "";
        private boolean autoCreate;
        private String section = DEFAULT_SECTION;
        private String runName = DEFAULT_RUN_NAME;
        private final Map<String, String> variables = new LinkedHashMap<>();
        private String milestone = "";
        private boolean closeRun;
        private OptionalLong existingRunId = OptionalLong.empty();
        private OptionalLong existingPlanId = OptionalLong.empty();
        private final Map<String, String> statusMap = new LinkedHashMap<>();
        private final Map<String, String> caseFieldDefaults = new LinkedHashMap<>();
        private String version = "";
        private int batchSize = DEFAULT_BATCH_SIZE;
        private final Map<String, String> resultFields = new LinkedHashMap<>();
        private String runDescription = "";
        private String runRefs = "";
        private boolean attachFailures;
        private String assignFailed = "";
        private final List<String> configurations = new ArrayList<>();

        private Builder() {}

        /** TestRail project name or id (required). */
        public Builder project(String value) {
            project = text(value);
            return this;
        }

        public Builder matching(MatchMode value) {
            matching = Objects.requireNonNull(value, "matching");
            return this;
        }

        public Builder caseSensitive(boolean value) {
            caseSensitive = value;
            return this;
        }

        public Builder casePins(List<CasePin> value) {
            casePins.addAll(value);
            return this;
        }

        public Builder casePin(CasePin value) {
            casePins.add(value);
            return this;
        }

        public Builder suiteMap(Map<String, String> value) {
            suiteMap.putAll(value);
            return this;
        }

        public Builder baseline(String value) {
            baseline = text(value);
            return this;
        }

        public Builder autoCreate(boolean value) {
            autoCreate = value;
            return this;
        }

        /** Blank keeps the default section "Loadmill". */
        public Builder section(String value) {
            section = text(value).isEmpty() ? DEFAULT_SECTION : text(value);
            return this;
        }

        /** Blank keeps the default template. */
        public Builder runName(String value) {
            runName = text(value).isEmpty() ? DEFAULT_RUN_NAME : text(value);
            return this;
        }

        public Builder variables(Map<String, String> value) {
            variables.putAll(value);
            return this;
        }

        public Builder variable(String name, String value) {
            variables.put(name, value == null ? "" : value);
            return this;
        }

        public Builder milestone(String value) {
            milestone = text(value);
            return this;
        }

        public Builder closeRun(boolean value) {
            closeRun = value;
            return this;
        }

        public Builder existingRunId(long value) {
            existingRunId = OptionalLong.of(value);
            return this;
        }

        public Builder existingPlanId(long value) {
            existingPlanId = OptionalLong.of(value);
            return this;
        }

        public Builder statusMap(Map<String, String> value) {
            value.forEach((k, v) -> statusMap.put(k.strip().toUpperCase(java.util.Locale.ROOT), v));
            return this;
        }

        public Builder caseFieldDefaults(Map<String, String> value) {
            caseFieldDefaults.putAll(value);
            return this;
        }

        public Builder version(String value) {
            version = text(value);
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        /** Result field values (name → value), e.g. from {@link ResultFields#parse}; added to those given before. */
        public Builder resultFields(Map<String, String> value) {
            value.forEach(this::resultField);
            return this;
        }

        /** One result field value, e.g. ("custom_environment", "Staging"); a name given again replaces the value. */
        public Builder resultField(String name, String value) {
            resultFields.put(name == null ? "" : name.strip(), value == null ? null : value.strip());
            return this;
        }

        /** Description template of created runs and plans; blank keeps the default (links to Loadmill and the build). */
        public Builder runDescription(String value) {
            runDescription = value == null ? "" : value.strip();
            return this;
        }

        /** References template ({@code refs}) of created runs and plan entries, e.g. "SHOP-12, ${GIT_COMMIT}". */
        public Builder runRefs(String value) {
            runRefs = text(value);
            return this;
        }

        /** Upload each failed flow's request and response as an attachment to its result. */
        public Builder attachFailures(boolean value) {
            attachFailures = value;
            return this;
        }

        /** Email of the TestRail user to assign failed tests to; blank for none. */
        public Builder assignFailed(String value) {
            assignFailed = text(value);
            return this;
        }

        /** TestRail configurations ("Group/Name", "Name" or id) of the plan run; blanks are skipped. */
        public Builder configurations(List<String> value) {
            value.stream().map(Builder::text).filter(v -> !v.isEmpty()).forEach(configurations::add);
            return this;
        }

        public Builder configuration(String value) {
            return configurations(List.of(value == null ? "" : value));
        }

        /** Validates what can be checked without TestRail. */
        public PublishSettings build() {
            if (project.isEmpty()) {
                throw new InvalidSettingsException("The TestRail project is missing; set it to the project's name "
                        + "or id as shown in TestRail.");
            }
            if (existingRunId.isPresent() && existingPlanId.isPresent()) {
                throw new InvalidSettingsException("Both an existing TestRail run and an existing plan are set; "
                        + "set only one of them (or neither to create a new run).");
            }
            for (OptionalLong id : List.of(existingRunId, existingPlanId)) {
                if (id.isPresent() && id.getAsLong() < 1) {
                    throw new InvalidSettingsException("An existing TestRail run or plan id must be a positive number; got "
                            + id.getAsLong() + ".");
                }
            }
            if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
                throw new InvalidSettingsException("The result batch size must be between 1 and " + MAX_BATCH_SIZE
                        + "; got " + batchSize + ".");
            }
            statusMap.forEach((k, v) -> {
                if (k.isEmpty() || v == null || v.isBlank()) {
                    throw new InvalidSettingsException("The status map entry '" + k + "=" + v + "' is incomplete; "
                            + "write LOADMILL_STATUS=TestRail status, e.g. FLAKY=Retest.");
                }
            });
            suiteMap.forEach((k, v) -> {
                if (k.isBlank() || v == null || v.isBlank()) {
                    throw new InvalidSettingsException("The suite map entry '" + k + "=" + v + "' is incomplete; "
                            + "write Loadmill suite=TestRail suite (name or id).");
                }
            });
            caseFieldDefaults.forEach((k, v) -> {
                if (k.isBlank() || v == null) {
                    throw new InvalidSettingsException("The case field default '" + k + "' is incomplete; write "
                            + "system_name=value, e.g. custom_automation_type=1.");
                }
            });
            if (!configurations.isEmpty() && existingRunId.isPresent()) {
                throw new InvalidSettingsException("TestRail configurations (" + String.join(", ", configurations)
                        + ") apply to runs of a test plan, but an existing run is set; publish into an existing plan or "
                        + "a new one instead.");
            }
            PublishSettings settings = new PublishSettings(project, matching, caseSensitive, casePins, suiteMap, baseline,
                    autoCreate, section, runName, variables, milestone, closeRun, existingRunId, existingPlanId,
                    statusMap, caseFieldDefaults, version, batchSize, resultFields, runDescription, runRefs, attachFailures,
                    assignFailed, configurations);
            RunNames.checkTemplate(settings.runName(), settings.variables().keySet());
            RunNames.checkTemplate("run description", settings.runDescription(), settings.variables().keySet());
            RunNames.checkTemplate("run references", settings.runRefs(), settings.variables().keySet());
            if (!assignFailed.isEmpty() && !assignFailed.matches("[^\\s@]+@[^\\s@]+")) {
                throw new InvalidSettingsException("The user to assign failed tests to must be a TestRail user's email; got '"
                        + assignFailed + "'.");
            }
            if (!runRefs.contains("${") && runRefs.length() > RunNames.MAX_REFS) {
                throw new InvalidSettingsException("The run references are " + runRefs.length() + " characters long; "
                        + "TestRail keeps at most " + RunNames.MAX_REFS + ". Shorten them.");
            }
            ResultFields.check(resultFields, settings.variables().keySet());
            return settings;
        }

        private static String text(String value) {
            return value == null ? "" : value.strip();
        }
    }
}
