package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.sync.CasePins;
import io.jenkins.plugins.loadmilltestrail.engine.sync.MatchMode;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.RunNames;
import io.jenkins.plugins.loadmilltestrail.engine.sync.SettingMaps;
import io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailSync;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Where and how to publish in TestRail. */
final class PublishOptions {

    @Option(names = "--project", paramLabel = "NAME|ID", order = 30, description = "TestRail project (name or id).")
    String project;

    @Option(names = "--match", paramLabel = "name|id", order = 31,
            description = "Match flows to cases by name (default) or only through pinned case ids.")
    MatchMode match = MatchMode.NAME;

    @Option(names = "--case-map", paramLabel = "FLOW=CASE", order = 32,
            description = "Pin a flow to a TestRail case, such as 'Checkout/Pay by card=C123' or 'Login=45'; repeatable.")
    List<String> caseMap = new ArrayList<>();

    @Option(names = "--case-map-file", paramLabel = "FILE", order = 33,
            description = "Pins from a file, one FLOW=CASE per line; blank lines and lines starting with '#' are ignored.")
    Path caseMapFile;

    @Option(names = "--suite-map", paramLabel = "LOADMILL_SUITE=TESTRAIL_SUITE", order = 34,
            description = "Publish a Loadmill suite into a differently named TestRail suite (or section), by name or id; repeatable.")
    List<String> suiteMap = new ArrayList<>();

    @Option(names = "--auto-create", order = 35, description = "Create missing TestRail suites, sections and cases.")
    boolean autoCreate;

    @Option(names = "--section", paramLabel = "NAME", order = 36,
            description = "Section for created cases in multi-suite projects (default " + PublishSettings.DEFAULT_SECTION + ").")
    String section;

    @Option(names = "--run-name", paramLabel = "TEMPLATE", order = 37,
            description = "Name of the TestRail run or plan, with $${VARIABLES} (default '$${LOADMILL_NAME} (Loadmill $${DATE})').")
    String runName;

    @Option(names = "--milestone", paramLabel = "NAME|ID", order = 38, description = "Attach the run or plan to this milestone.")
    String milestone;

    @Option(names = "--close-run", order = 39, description = "Close the TestRail run or plan after publishing.")
    boolean closeRun;

    @Option(names = "--existing-run", paramLabel = "ID", order = 40,
            description = "Add the results to this TestRail run: R123 or 123.")
    String existingRun;

    @Option(names = "--existing-plan", paramLabel = "ID", order = 41,
            description = "Add the results to this TestRail plan: P123 or 123.")
    String existingPlan;

    @Option(names = "--status-map", paramLabel = "LOADMILL=TESTRAIL", order = 42,
            description = "TestRail status for a Loadmill status, such as FLAKY=Retest; repeatable.")
    List<String> statusMap = new ArrayList<>();

    @Option(names = "--case-field", paramLabel = "NAME=VALUE", order = 43,
            description = "Value for a required TestRail case field when creating cases, such as custom_automation_type=1; repeatable.")
    Map<String, String> caseFields = new LinkedHashMap<>();

    @Option(names = "--baseline", paramLabel = "NAME|ID", order = 44,
            description = "In a project with baselines, the baseline to publish to (default: the master).")
    String baseline;

    @Option(names = "--ignore-case", order = 45, description = "Compare suite, section and case names ignoring case.")
    boolean ignoreCase;

    @Option(names = "--result-version", paramLabel = "TEXT", order = 46,
            description = "The version stored with each result (default: the Loadmill run id).")
    String resultVersion;

    @Option(names = "--lock-wait", paramLabel = "DURATION", order = 47,
            description = "How long to wait for another publish of the same results file to finish before stopping "
                    + "with exit code 2 (default 30s).")
    String lockWait;

    @Option(names = "--results-batch-size", paramLabel = "N", order = 48,
            description = "Results per TestRail call (1-" + PublishSettings.MAX_BATCH_SIZE + ", default "
                    + PublishSettings.DEFAULT_BATCH_SIZE + "); lower it when a proxy refuses large requests (HTTP 413).")
    int resultsBatchSize = PublishSettings.DEFAULT_BATCH_SIZE;

    @Option(names = "--result-field", paramLabel = "NAME=VALUE", order = 57,
            description = "Value of a TestRail result field on every result, such as custom_environment=Staging "
                    + "(dropdowns by label or id, multi-selects as a comma list, checkboxes true/false; $${VARIABLES} "
                    + "allowed); repeatable. Required result fields must have one.")
    Map<String, String> resultFields = new LinkedHashMap<>();
    @Option(names = "--run-description", paramLabel = "TEXT", order = 49,
            description = "Description of a created run or plan, with $${VARIABLES} (default: links to the Loadmill run "
                    + "and the CI build).")
    String runDescription;

    @Option(names = "--run-refs", paramLabel = "TEXT", order = 49,
            description = "References of a created run or plan entry, such as a Jira key or '$${GIT_COMMIT}', "
                    + "comma-separated, with $${VARIABLES}; TestRail keeps " + RunNames.MAX_REFS + " characters.")
    String runRefs;

    @Option(names = "--attach-failures", order = 49,
            description = "Attach each failed flow's requests and responses (secret headers hidden, bodies cut) to its "
                    + "TestRail result: one more call per failed flow.")
    boolean attachFailures;

    @Option(names = "--assign-failed", paramLabel = "EMAIL", order = 49,
            description = "Assign the failed tests of the run to this TestRail user.")
    String assignFailed;

    @Option(names = "--configuration", paramLabel = "GROUP/NAME|ID", order = 49,
            description = "TestRail configuration of the plan run, such as Environment/Staging (group/name, a name "
                    + "found in one group, or an id); repeatable, one per group. Publishes into a plan (new, or "
                    + "--existing-plan) in a run with exactly these configurations.")
    List<String> configurations = new ArrayList<>();

    /** How long a publish waits for the results file's publish lock. */
    Duration lockWait(CommandSpec spec) {
        return OptionValues.duration(spec, lockWait, "--lock-wait").orElse(TestRailSync.DEFAULT_LOCK_WAIT);
    }

    /** Notes the project when it is not given. */
    void requireIn(MissingSettings missing) {
        missing.require(project, "the TestRail project", "give --project NAME|ID");
    }

    /** Validated settings; malformed pins and maps are usage errors. */
    PublishSettings settings(CommandSpec spec, Map<String, String> variables) {
        PublishSettings.Builder builder = PublishSettings.builder()
                .project(project)
                .matching(match)
                .caseSensitive(!ignoreCase)
                .casePins(OptionValues.read(spec, "--case-map", () -> CasePins.parseLines(String.join("\n", caseMap))))
                .suiteMap(OptionValues.read(spec, "--suite-map", () -> SettingMaps.parseSuiteMap(String.join("\n", suiteMap))))
                .statusMap(OptionValues.read(spec, "--status-map", () -> SettingMaps.parseStatusMap(String.join("\n", statusMap))))
                .caseFieldDefaults(caseFields)
                .baseline(baseline)
                .autoCreate(autoCreate)
                .section(section)
                .runName(runName)
                .variables(variables)
                .milestone(milestone)
                .closeRun(closeRun)
                .version(resultVersion)
                .batchSize(resultsBatchSize)
                .resultFields(resultFields)
                .runDescription(runDescription)
                .runRefs(runRefs)
                .attachFailures(attachFailures)
                .assignFailed(assignFailed)
                .configurations(configurations);
        if (caseMapFile != null) {
            builder.casePins(OptionValues.read(spec, "--case-map-file", () -> CaseMapFile.read(caseMapFile)));
        }
        id(spec, existingRun, "--existing-run", 'R', "run").ifPresent(builder::existingRunId);
        id(spec, existingPlan, "--existing-plan", 'P', "plan").ifPresent(builder::existingPlanId);
        return builder.build();
    }

    /** TestRail shows run ids as "R123" and plan ids as "P123"; accept that and plain numbers. */
    private static OptionalLong id(CommandSpec spec, String value, String option, char prefix, String what) {
        if (value == null) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(OptionValues.read(spec, option, () -> {
            String digits = value.trim().replaceFirst("^[" + prefix + Character.toLowerCase(prefix) + "]", "");
            if (!digits.matches("[1-9][0-9]{0,17}")) {
                throw new InvalidSettingsException("'" + value.trim() + "' is not a TestRail " + what + " id; write it as "
                        + prefix + "123 or 123 (the number in the " + what + "'s address).");
            }
            return Long.parseLong(digits);
        }));
    }
}
