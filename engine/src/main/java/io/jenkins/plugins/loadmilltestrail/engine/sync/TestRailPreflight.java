package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailAccessDeniedException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailApi;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailBadRequestException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailMaintenanceException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailRateLimitedException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailUnavailableException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks, before a Loadmill run that may take an hour, every publish setting TestRail can judge
 * without Loadmill's results, reading only what the settings name: who the credentials belong to,
 * the project, the statuses (only with a status map), the existing run or plan, the configurations,
 * the suites (and sections) a suite map sends to when they must exist, the milestone, the result
 * fields (always: TestRail may require some), and the user failed tests are assigned to.
 *
 * <p>Only definite answers stop the build: TestRail refusing the credentials or a call (thrown as
 * the {@link TestRailException} TestRail's answer is), an address that answers but is not TestRail,
 * and settings that do not fit what TestRail holds (thrown together as one
 * {@link TestRailPreflightException}). When TestRail does not answer (network, 5xx, rate limits,
 * maintenance) the preflight warns and ends: the build runs Loadmill and keeps the results for
 * publishing later.
 *
 * <p>Messages name each setting in words and by its command-line option, e.g. "the TestRail project
 * (--project)", so that both front ends' users know what to change.
 */
public final class TestRailPreflight {
    private static final int LISTED = 5;

    private final TestRailApi api;
    private final PublishSettings settings;
    private final Names names;
    private final List<String> problems = new ArrayList<>();

    /** TestRail gave no answer to judge by; the preflight ends without a verdict. */
    private static final class Unanswered extends Exception {
        private static final long serialVersionUID = 1L;

        Unanswered(TestRailException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T read() throws InterruptedException;
    }

    private TestRailPreflight(TestRailApi api, PublishSettings settings) {
        this.api = api;
        this.settings = settings;
        this.names = new Names(settings.caseSensitive());
    }

    /**
     * Runs the checks with {@code api} (best a client that gives up quickly when TestRail does not
     * answer). Returns what they cost; throws when TestRail refused or a setting does not fit.
     */
    public static PreflightReport check(TestRailApi api, PublishSettings settings, ProgressListener progress)
            throws InterruptedException {
        Map<String, Long> before = api.stats().callsByMethod();
        TestRailPreflight preflight = new TestRailPreflight(api, settings);
        boolean complete = true;
        try {
            preflight.run();
        } catch (Unanswered e) {
            complete = false;
            progress.warn("TestRail did not answer before the Loadmill run (" + e.getMessage()
                    + ") Running Loadmill anyway; the results will be kept for publishing later.");
        }
        Map<String, Long> calls = new TreeMap<>();
        api.stats().callsByMethod().forEach((method, count) -> {
            long delta = count - before.getOrDefault(method, 0L);
            if (delta > 0) {
                calls.put(method, delta);
            }
        });
        PreflightReport report = new PreflightReport(calls, calls.values().stream().mapToLong(Long::longValue).sum(),
                complete);
        if (!preflight.problems.isEmpty()) {
            throw new TestRailPreflightException(preflight.problems, report);
        }
        if (complete) {
            progress.info("TestRail accepted the settings before the Loadmill run (" + report.totalCalls()
                    + " call(s))");
        }
        return report;
    }

    private void run() throws InterruptedException, Unanswered {
        read(api::currentUser);
        Optional<Project> found = project();
        if (found.isEmpty()) {
            return;
        }
        Project project = found.get();
        statusMap();
        existingRun(project);
        existingPlan(project);
        configurations(project);
        suiteMap(project);
        milestone(project);
        resultFields(project);
        assignFailed();
    }

    /** The user failed tests are assigned to: one get_user_by_email. */
    private void assignFailed() throws InterruptedException, Unanswered {
        String email = settings.assignFailed();
        if (email.isEmpty()) {
            return;
        }
        try {
            read(() -> api.userByEmail(email));
        } catch (TestRailBadRequestException e) {
            problems.add(AssignFailed.unknownUser(email, e));
        } catch (TestRailAccessDeniedException e) {
            problems.add(AssignFailed.notAllowed(email, e));
        }
    }

    // ---- project ----------------------------------------------------------------------------

    private Optional<Project> project() throws InterruptedException, Unanswered {
        String wanted = settings.project();
        OptionalLong id = SettingMaps.idOf(wanted.replaceFirst("^[pP]", ""));
        try {
            if (id.isPresent()) {
                Optional<Project> project = lookUp(() -> api.getProject(id.getAsLong()), "TestRail project (--project)",
                        "P" + id.getAsLong(), "Fix the project name or id.");
                if (project.isPresent() && project.get().completed()) {
                    problems.add("The TestRail project (--project) '" + project.get().name() + "' (P" + project.get().id()
                            + ") is completed; TestRail refuses new runs there. Choose an active project.");
                    return Optional.empty();
                }
                return project;
            }
            return Optional.of(read(() -> new TestRailReader(api, ProgressListener.SILENT).project(settings)));
        } catch (SyncConfigurationException e) {
            problems.add("The TestRail project (--project): " + e.getMessage());
            return Optional.empty();
        }
    }

    // ---- status map -------------------------------------------------------------------------

    /** Only a configured map can name a status TestRail lacks: the defaults are TestRail's system statuses. */
    private void statusMap() throws InterruptedException, Unanswered {
        if (settings.statusMap().isEmpty()) {
            return;
        }
        List<Status> statuses = read(api::getStatuses);
        settings.statusMap().forEach((loadmill, testRail) -> {
            try {
                StatusMapping.resolve(Map.of(loadmill, testRail), statuses);
            } catch (InvalidSettingsException e) {
                problems.add("The status map (--status-map) entry " + loadmill + "=" + testRail + " cannot be used: "
                        + e.getMessage());
            }
        });
    }

    // ---- existing run or plan ---------------------------------------------------------------

    private void existingRun(Project project) throws InterruptedException, Unanswered {
        if (settings.existingRunId().isEmpty()) {
            return;
        }
        long id = settings.existingRunId().getAsLong();
        String setting = "existing TestRail run (--existing-run)";
        Optional<TestRun> found = lookUp(() -> api.getRun(id), setting, "R" + id,
                "Fix the run id, or leave it empty to publish into a new run.");
        if (found.isEmpty()) {
            return;
        }
        TestRun run = found.get();
        if (run.projectId() != project.id()) {
            problems.add(otherProject("The " + setting + " R" + id, run.projectId(), project, "a run"));
        } else if (run.completed()) {
            problems.add("The " + setting + " R" + id + " is closed; TestRail accepts no results in a closed run. Give an "
                    + "open run, or leave it empty to publish into a new run.");
        } else if (run.planId().isPresent()) {
            problems.add("The " + setting + " R" + id + " belongs to the test plan P" + run.planId().getAsLong()
                    + "; publish into that plan instead (existing plan, --existing-plan " + run.planId().getAsLong() + ").");
        }
    }

    private void existingPlan(Project project) throws InterruptedException, Unanswered {
        if (settings.existingPlanId().isEmpty()) {
            return;
        }
        long id = settings.existingPlanId().getAsLong();
        String setting = "existing TestRail plan (--existing-plan)";
        Optional<TestPlan> found = lookUp(() -> api.getPlan(id), setting, "P" + id,
                "Fix the plan id, or leave it empty to publish into a new plan.");
        if (found.isEmpty()) {
            return;
        }
        TestPlan plan = found.get();
        if (plan.projectId() != project.id()) {
            problems.add(otherProject("The " + setting + " P" + id, plan.projectId(), project, "a plan"));
        } else if (plan.completed()) {
            problems.add("The " + setting + " P" + id + " is closed; TestRail accepts no results in a closed plan. Give "
                    + "an open plan, or leave it empty to publish into a new plan.");
        }
    }

    /** Each --configuration must name one configuration the project has (one get_configs). */
    private void configurations(Project project) throws InterruptedException, Unanswered {
        if (settings.configurations().isEmpty()) {
            return;
        }
        PlanConfigurations.resolve(settings.configurations(), read(() -> api.getConfigs(project.id())), project.name(),
                problems);
    }

    private static String otherProject(String what, long projectId, Project project, String kind) {
        return what + " belongs to another TestRail project (P" + projectId + "), not to the project '" + project.name()
                + "' (P" + project.id() + ", --project). Give " + kind + " of project '" + project.name()
                + "', or change the project.";
    }

    // ---- suite map --------------------------------------------------------------------------

    /**
     * Targets that must exist: all of them without auto-create, those given by id with it (a name
     * is created when missing). Multi-suite projects map to suites, the others to sections of the
     * one suite (or of the baseline).
     */
    private void suiteMap(Project project) throws InterruptedException, Unanswered {
        Map<String, String> mustExist = new TreeMap<>();
        settings.suiteMap().forEach((loadmill, target) -> {
            if (!settings.autoCreate() || SettingMaps.idOf(target).isPresent()) {
                mustExist.put(loadmill, target);
            }
        });
        if (mustExist.isEmpty()) {
            return;
        }
        List<Suite> suites = read(() -> api.getSuites(project.id()));
        if (project.suiteMode() == SuiteMode.MULTIPLE_SUITES) {
            mustExist.forEach((loadmill, target) -> checkTarget(project, loadmill, target, "suite", suites, Suite::id,
                    Suite::name));
            return;
        }
        Optional<Suite> suite = singleSuite(project, suites);
        if (suite.isEmpty()) {
            return;
        }
        List<Section> sections = read(() -> api.getSections(project.id(), suite.get().id()));
        mustExist.forEach((loadmill, target) -> checkTarget(project, loadmill, target, "section", sections, Section::id,
                Section::name));
    }

    private Optional<Suite> singleSuite(Project project, List<Suite> suites) {
        if (suites.isEmpty()) {
            return Optional.empty(); // publishing says how to fix a project without a suite
        }
        String baseline = settings.baseline();
        if (baseline.isEmpty() || project.suiteMode() == SuiteMode.SINGLE_SUITE) {
            return Optional.of(suites.stream().filter(Suite::master).findFirst().orElse(suites.get(0)));
        }
        List<Suite> found = names.byReference(suites, baseline, Suite::id, Suite::name);
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        problems.add(found.isEmpty()
                ? "The baseline (--baseline) '" + baseline + "' is not a suite of project '" + project.name() + "'; use one of "
                        + list(suites, s -> s.name() + " (S" + s.id() + ")") + "."
                : "Several TestRail suites are named '" + Names.clean(baseline) + "' (" + list(found, s -> "S" + s.id())
                        + "); set the baseline (--baseline) by id.");
        return Optional.empty();
    }

    private <T> void checkTarget(Project project, String loadmill, String target, String what, List<T> items,
            Function<T, Long> id, Function<T, String> name) {
        List<T> found = names.byReference(items, target, id, name);
        if (found.size() > 1) {
            problems.add("The suite map (--suite-map) sends the Loadmill suite '" + loadmill + "' to the TestRail " + what
                    + " '" + target + "', but several " + what + "s of project '" + project.name() + "' have that name ("
                    + list(found, t -> (what.equals("suite") ? "S" : what + " ") + id.apply(t)) + "); map it by id.");
        } else if (found.isEmpty()) {
            boolean byId = SettingMaps.idOf(target).isPresent();
            problems.add("The suite map (--suite-map) sends the Loadmill suite '" + loadmill + "' to the TestRail " + what
                    + " '" + target + "', which project '" + project.name() + "' does not have"
                    + (items.isEmpty() ? "" : " (it has " + list(items, name) + ")") + "; fix the suite map"
                    + (byId ? "." : " or turn on auto-create (--auto-create)."));
        }
    }


    // ---- milestone --------------------------------------------------------------------------

    private void milestone(Project project) throws InterruptedException, Unanswered {
        String wanted = settings.milestone();
        if (wanted.isEmpty()) {
            return;
        }
        String setting = "milestone (--milestone)";
        OptionalLong id = SettingMaps.idOf(wanted.replaceFirst("^[mM]", ""));
        if (id.isPresent()) {
            Optional<Milestone> found = lookUp(() -> api.getMilestone(id.getAsLong()), setting, "M" + id.getAsLong(),
                    "Fix the milestone id or use its name.");
            if (found.isPresent() && found.get().projectId() != project.id()) {
                problems.add(otherProject("The " + setting + " M" + id.getAsLong(), found.get().projectId(), project,
                        "a milestone"));
            }
            return;
        }
        List<Milestone> all = read(() -> api.getMilestones(project.id()));
        Names anyCase = new Names(false);
        if (all.stream().noneMatch(m -> anyCase.key(m.name()).equals(anyCase.key(wanted)))) {
            problems.add("The " + setting + " '" + wanted + "' is not in project '" + project.name() + "'"
                    + (all.isEmpty() ? " (it has none)" : "; it has " + list(all, Milestone::name))
                    + ". Fix the milestone name or use its id.");
        }
    }

    // ---- result fields ----------------------------------------------------------------------

    /**
     * One get_result_fields: the fields TestRail requires in the project must have a value, and each
     * value given must fit its field. Values that use variables only known after the Loadmill run
     * (${LOADMILL_RUN_ID}...) are checked when publishing.
     */
    private void resultFields(Project project) throws InterruptedException, Unanswered {
        ResultFields.Resolved resolved = ResultFields.resolve(settings.resultFields(), read(api::getResultFields), project,
                settings.variables(), true);
        problems.addAll(resolved.problems());
    }

    // ---- calls ------------------------------------------------------------------------------

    /** A read whose refusal is final (it is thrown), or that TestRail did not answer ({@link Unanswered}). */
    private <T> T read(Read<T> read) throws InterruptedException, Unanswered {
        try {
            return read.read();
        } catch (TestRailException e) {
            if (unanswered(e)) {
                throw new Unanswered(e);
            }
            throw e;
        }
    }

    /**
     * A read of something a setting names by id: TestRail answers 400 for an id that does not exist
     * or that the user cannot see, which is a problem with that setting.
     */
    private <T> Optional<T> lookUp(Read<T> read, String setting, String id, String fix)
            throws InterruptedException, Unanswered {
        try {
            return Optional.of(read(read));
        } catch (TestRailBadRequestException e) {
            problems.add("The " + setting + " " + id + " does not exist in TestRail, or this user cannot see it"
                    + (e.serverError().isEmpty() ? "" : " (TestRail said: " + e.serverError() + ")") + ". " + fix);
            return Optional.empty();
        }
    }

    /** No answer to judge by: the network, a TestRail or proxy failure, rate limits or maintenance. */
    private static boolean unanswered(TestRailException e) {
        return e instanceof TestRailUnavailableException || e instanceof TestRailRateLimitedException
                || e instanceof TestRailMaintenanceException;
    }

    private static <T> String list(List<T> items, Function<T, String> text) {
        return items.stream().limit(LISTED).map(text).collect(Collectors.joining(", "))
                + (items.size() > LISTED ? ", ..." : "");
    }
}
