package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryBudget;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.User;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import okhttp3.OkHttpClient;

/**
 * The TestRail API v2 client over OkHttp. Thread-safe; one per job and TestRail instance.
 *
 * <p>A write whose outcome is unknown (it failed after being sent) is checked before it is sent
 * again: creations by listing and matching name and parent (callers only create what did not
 * exist, so a match is the entity just created), closes by reading the run or plan, case
 * selections are replacements and so safe to repeat, and a result batch by reading the run's
 * results (see {@link ResultsCheck}). See {@code docs/testrail.md} for the whole policy.
 */
public final class TestRailClient implements TestRailApi {
    private final TestRailSettings settings;
    private final TestRailHttp http;

    /**
     * The usual client: default retry policy and the JVM-wide rate limiter of the TestRail host.
     *
     * @param progress where each retry is reported
     */
    public TestRailClient(TestRailSettings settings, OkHttpClient okHttp, ProgressListener progress) {
        this(settings, okHttp, RetryPolicy.standard(settings.maxRetryWait()), sharedLimiter(settings), Sleeper.SYSTEM,
                progress);
    }

    /** A client with its own retry policy and limiter (tests, benchmarks). */
    public TestRailClient(TestRailSettings settings, OkHttpClient okHttp, RetryPolicy policy, RateLimiter limiter,
            Sleeper sleeper, ProgressListener progress) {
        this(settings, okHttp, policy, limiter, sleeper, progress, TestRailHttp.MAX_PAGES);
    }

    /** A client that reads at most {@code maxPages} pages per list call (tests of the cap). */
    TestRailClient(TestRailSettings settings, OkHttpClient okHttp, RetryPolicy policy, RateLimiter limiter,
            Sleeper sleeper, ProgressListener progress, int maxPages) {
        this.settings = settings.validated();
        this.http = new TestRailHttp(this.settings, okHttp, policy, limiter, sleeper, progress, maxPages);
    }

    /**
     * A client for a connection check: it counts against the host's shared limiter but never changes
     * that limiter's rate, which running publishes rely on.
     */
    public static TestRailClient forConnectionCheck(TestRailSettings settings, OkHttpClient okHttp) {
        RateLimiter limiter = hostLimiter(settings, RateLimiter::joinHost);
        return new TestRailClient(settings, okHttp, RetryPolicy.standard(settings.maxRetryWait()), limiter,
                Sleeper.SYSTEM, ProgressListener.SILENT);
    }

    /** The limiter shared by every client of the settings' host (scheme, host and port), set to its rate. */
    public static RateLimiter sharedLimiter(TestRailSettings settings) {
        return hostLimiter(settings, RateLimiter::forHost);
    }

    private interface HostLimiters {
        RateLimiter get(String scheme, String host, int port, RateLimiter.Limit limit);
    }

    private static RateLimiter hostLimiter(TestRailSettings settings, HostLimiters limiters) {
        URI uri = URI.create(TestRailUrls.parseBase(settings.baseUrl()));
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return limiters.get(uri.getScheme(), uri.getHost(), port,
                RateLimiter.Limit.perMinute(settings.requestsPerMinute()));
    }

    @Override
    public User currentUser() throws InterruptedException {
        try {
            return http.get("get_user_by_email", "get_user_by_email&email=" + encode(settings.user()), TestRailJson::user);
        } catch (TestRailBadRequestException | TestRailAccessDeniedException notAnEmailOrNotAllowed) {
            // Logins that are not emails (LDAP) or roles that may not look users up: any cheap
            // authenticated call proves the credentials, if its answer is TestRail's.
            http.get("get_projects", "get_projects&limit=1", page -> TestRailJson.items(page, "projects"));
            return new User(0, settings.user(), "");
        }
    }

    @Override
    public List<Project> getProjects() throws InterruptedException {
        return list("get_projects", "get_projects", "projects", TestRailJson::project);
    }

    @Override
    public Project getProject(long projectId) throws InterruptedException {
        return one("project", projectId, TestRailJson::project);
    }

    @Override
    public List<Suite> getSuites(long projectId) throws InterruptedException {
        return list("get_suites", "get_suites/" + projectId, "suites", TestRailJson::suite);
    }

    @Override
    public Suite getSuite(long suiteId) throws InterruptedException {
        return one("suite", suiteId, TestRailJson::suite);
    }

    @Override
    public Suite addSuite(long projectId, String name, String description) throws InterruptedException {
        return write("add_suite", "add_suite/" + projectId, TestRailJson.suiteBody(name, description),
                "a suite named '" + name + "' in project " + projectId, TestRailJson::suite,
                () -> newest(getSuites(projectId), s -> s.name().equals(name), Suite::id));
    }

    @Override
    public void deleteSuite(long suiteId) throws InterruptedException {
        delete("suite", suiteId);
    }

    @Override
    public List<Section> getSections(long projectId, long suiteId) throws InterruptedException {
        return list("get_sections", "get_sections/" + projectId + suiteFilter(suiteId), "sections", TestRailJson::section);
    }

    @Override
    public Section addSection(long projectId, long suiteId, String name, OptionalLong parentId)
            throws InterruptedException {
        return write("add_section", "add_section/" + projectId, TestRailJson.sectionBody(suiteId, name, parentId),
                "a section named '" + name + "' in project " + projectId, TestRailJson::section,
                () -> newest(getSections(projectId, suiteId),
                        s -> s.name().equals(name) && s.parentId().equals(parentId), Section::id));
    }

    @Override
    public void deleteSection(long sectionId) throws InterruptedException {
        delete("section", sectionId);
    }

    @Override
    public List<TestCase> getCases(long projectId, long suiteId) throws InterruptedException {
        return list("get_cases", "get_cases/" + projectId + suiteFilter(suiteId), "cases", TestRailJson::testCase);
    }

    @Override
    public List<TestCase> getCases(long projectId, long suiteId, long sectionId) throws InterruptedException {
        return list("get_cases", "get_cases/" + projectId + suiteFilter(suiteId) + "&section_id=" + sectionId, "cases",
                TestRailJson::testCase);
    }

    @Override
    public List<TestCase> getCasesUpdatedAfter(long projectId, long suiteId, long updatedAfter)
            throws InterruptedException {
        return list("get_cases", "get_cases/" + projectId + suiteFilter(suiteId) + "&updated_after=" + updatedAfter,
                "cases", TestRailJson::testCase);
    }

    @Override
    public TestCase getCase(long caseId) throws InterruptedException {
        return one("case", caseId, TestRailJson::testCase);
    }

    @Override
    public TestCase addCase(long sectionId, NewCase newCase) throws InterruptedException {
        return write("add_case", "add_case/" + sectionId, TestRailJson.caseBody(newCase),
                "a case titled '" + newCase.title() + "' in section " + sectionId, TestRailJson::testCase,
                () -> {
                    Section section = one("section", sectionId, TestRailJson::section);
                    Suite suite = getSuite(section.suiteId());
                    return newest(getCases(suite.projectId(), suite.id(), sectionId),
                            c -> c.title().equals(newCase.title()), TestCase::id);
                });
    }

    @Override
    public void deleteCase(long caseId) throws InterruptedException {
        delete("case", caseId);
    }

    @Override
    public List<CustomField> getCaseFields() throws InterruptedException {
        return list("get_case_fields", "get_case_fields", "case_fields", TestRailJson::customField);
    }

    @Override
    public List<CustomField> getResultFields() throws InterruptedException {
        return list("get_result_fields", "get_result_fields", "result_fields", TestRailJson::customField);
    }

    @Override
    public List<Status> getStatuses() throws InterruptedException {
        return list("get_statuses", "get_statuses", "statuses", TestRailJson::status);
    }

    @Override
    public List<Milestone> getMilestones(long projectId) throws InterruptedException {
        return list("get_milestones", "get_milestones/" + projectId, "milestones", TestRailJson::milestone);
    }

    @Override
    public Milestone getMilestone(long milestoneId) throws InterruptedException {
        return one("milestone", milestoneId, TestRailJson::milestone);
    }

    @Override
    public TestRun addRun(long projectId, NewRun run) throws InterruptedException {
        return write("add_run", "add_run/" + projectId, TestRailJson.runBody(run),
                "a run named '" + run.name() + "' in project " + projectId, TestRailJson::run,
                () -> findRun(projectId, run.suiteId(), run.name()));
    }

    @Override
    public Optional<TestRun> findRun(long projectId, long suiteId, String name) throws InterruptedException {
        return newest(list("get_runs", "get_runs/" + projectId + "&is_completed=0", "runs", TestRailJson::run),
                r -> written(name, suiteId, r.name(), r.suiteId()), TestRun::id);
    }

    @Override
    public TestRun updateRunCases(long runId, List<Long> caseIds) throws InterruptedException {
        // A replacement of the selection: repeating it changes nothing.
        return write("update_run", "update_run/" + runId, TestRailJson.caseSelection(caseIds), "run " + runId,
                TestRailJson::run, Optional::empty);
    }

    @Override
    public TestRun getRun(long runId) throws InterruptedException {
        return one("run", runId, TestRailJson::run);
    }

    @Override
    public User userByEmail(String email) throws InterruptedException {
        return http.get("get_user_by_email", "get_user_by_email&email=" + encode(email), TestRailJson::user);
    }

    @Override
    public String addAttachmentToResult(long resultId, String fileName, String contentType, byte[] content)
            throws InterruptedException {
        String method = "add_attachment_to_result";
        RetryBudget budget = http.policy().newBudget();
        JsonNode answer;
        try {
            answer = http.upload(method, method + "/" + resultId, "attachment", fileName, contentType, content, budget);
        } catch (TestRailHttp.WriteOutcomeUnknown unknown) {
            // TestRail offers no cheap check for one attachment; an evidence file is not worth a duplicate.
            throw new TestRailWriteUnknownException("TestRail may or may not have stored the attachment to result "
                    + resultId + ": " + unknown.failure() + " after the upload was sent. It was not sent again, so that "
                    + "the result does not get it twice.", 0, "");
        }
        JsonNode id = answer.path("attachment_id");
        if (id.isMissingNode() || id.isNull() || id.asText().isBlank()) {
            throw http.errors().unexpectedWrite(method, "result " + resultId, "it has no attachment_id");
        }
        return id.asText();
    }

    @Override
    public TestRun closeRun(long runId) throws InterruptedException {
        return close("run", runId, TestRailJson::run, TestRun::completed);
    }

    @Override
    public TestPlan addPlan(long projectId, NewPlan plan) throws InterruptedException {
        return write("add_plan", "add_plan/" + projectId, TestRailJson.planBody(plan),
                "a plan named '" + plan.name() + "' in project " + projectId, TestRailJson::plan,
                () -> findPlan(projectId, plan.name()));
    }

    @Override
    public Optional<TestPlan> findPlan(long projectId, String name) throws InterruptedException {
        Optional<TestPlan> listed = newest(
                list("get_plans", "get_plans/" + projectId + "&is_completed=0", "plans", TestRailJson::listedPlan),
                p -> p.name().equals(name), TestPlan::id);
        // get_plans leaves out the entries; read the plan itself.
        return listed.isPresent() ? Optional.of(getPlan(listed.get().id())) : Optional.empty();
    }

    @Override
    public PlanEntry addPlanEntry(long planId, NewRun entry) throws InterruptedException {
        return write("add_plan_entry", "add_plan_entry/" + planId, TestRailJson.runBody(entry),
                "an entry named '" + entry.name() + "' in plan " + planId, TestRailJson::planEntry,
                () -> findPlanEntry(planId, entry.suiteId(), entry.name()));
    }

    @Override
    public Optional<PlanEntry> findPlanEntry(long planId, long suiteId, String name) throws InterruptedException {
        return getPlan(planId).entries().stream()
                .filter(e -> written(name, suiteId, e.name(), e.suiteId()))
                .reduce((first, second) -> second);
    }

    @Override
    public PlanEntry updatePlanEntryCases(long planId, String entryId, List<Long> caseIds) throws InterruptedException {
        return write("update_plan_entry", "update_plan_entry/" + planId + "/" + segment(entryId),
                TestRailJson.caseSelection(caseIds), "entry " + entryId + " of plan " + planId, TestRailJson::planEntry,
                Optional::empty);
    }

    @Override
    public TestPlan getPlan(long planId) throws InterruptedException {
        return one("plan", planId, TestRailJson::plan);
    }

    @Override
    public List<ConfigGroup> getConfigs(long projectId) throws InterruptedException {
        return list("get_configs", "get_configs/" + projectId, "configs", TestRailJson::configGroup);
    }

    @Override
    public TestRun updateRunInPlanEntryCases(long runId, List<Long> caseIds) throws InterruptedException {
        // A replacement of the selection: repeating it changes nothing.
        return write("update_run_in_plan_entry", "update_run_in_plan_entry/" + runId, TestRailJson.caseSelection(caseIds),
                "run " + runId, TestRailJson::run, Optional::empty);
    }

    @Override
    public void deletePlanEntry(long planId, String entryId) throws InterruptedException {
        // Repeating it after it took effect gives 400 (unknown entry): read the plan instead.
        write("delete_plan_entry", "delete_plan_entry/" + planId + "/" + segment(entryId),
                TestRailJson.MAPPER.createObjectNode(), "entry " + entryId + " of plan " + planId, answer -> Boolean.TRUE,
                () -> getPlan(planId).entries().stream().noneMatch(e -> e.id().equals(entryId))
                        ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    @Override
    public TestPlan closePlan(long planId) throws InterruptedException {
        return close("plan", planId, TestRailJson::plan, TestPlan::completed);
    }

    @Override
    public List<Test> getTests(long runId) throws InterruptedException {
        return list("get_tests", "get_tests/" + runId, "tests", TestRailJson::test);
    }

    @Override
    public List<PostedResult> addResultsForCases(long runId, List<ResultEntry> results) throws InterruptedException {
        return write("add_results_for_cases", "add_results_for_cases/" + runId, TestRailJson.resultsBody(results),
                resultsTarget(runId, results),
                answer -> TestRailJson.items(answer, "results").stream().map(TestRailJson::postedResult).toList(),
                () -> findResults(runId, results));
    }

    @Override
    public Optional<List<PostedResult>> findResults(long runId, List<ResultEntry> results) throws InterruptedException {
        return new ResultsCheck(this, http, runId, results, resultsTarget(runId, results)).stored();
    }

    private static String resultsTarget(long runId, List<ResultEntry> results) {
        return "the " + results.size() + " result(s) for run " + runId;
    }

    @Override
    public String baseUrl() {
        return http.base();
    }

    @Override
    public CallStats stats() {
        return http.stats();
    }

    @Override
    public String toString() {
        return "TestRailClient[" + settings + "]";
    }

    /** Looks in TestRail for the effect of a write whose outcome is unknown. */
    @FunctionalInterface
    interface Check<T> {
        /** The entity the write produced, or empty when it surely did not happen (safe to repeat). */
        Optional<T> find() throws InterruptedException;
    }

    /** Reads a write's answer; throws {@link TestRailHttp.WriteOutcomeUnknown} when it does not show the write done. */
    @FunctionalInterface
    private interface Answer<T> {
        T read(JsonNode answer) throws TestRailHttp.WriteOutcomeUnknown;
    }

    /**
     * Sends a write; when its outcome is unknown, checks TestRail for its effect and sends it again
     * only when the check shows it not done. One retry budget bounds all of it: the time spent
     * checking counts against it like the waits, so a write ends within about the maximum retry
     * wait even when every check is slow.
     */
    private <T> T write(String method, String path, JsonNode body, String target, Answer<T> parse, Check<T> check)
            throws InterruptedException {
        RetryBudget budget = http.policy().newBudget();
        for (int checks = 1; ; checks++) {
            try {
                JsonNode answer = http.post(method, path, body, budget);
                try {
                    return parse.read(answer);
                } catch (TestRailJson.Malformed malformed) {
                    throw http.errors().unexpectedWrite(method, target, malformed.getMessage());
                }
            } catch (TestRailHttp.WriteOutcomeUnknown unknown) {
                long started = System.nanoTime();
                Optional<T> done = check.find();
                if (done.isPresent()) {
                    return done.get();
                }
                budget.spend(Duration.ofNanos(System.nanoTime() - started));
                if (!http.backOffForRewrite(method, unknown.failure(), budget)) {
                    throw http.errors().writeUnknown(method, target, unknown.failure(), budget.attempts(), checks);
                }
            }
        }
    }

    /**
     * delete_suite, delete_section or delete_case: a POST with an empty body, answered with an empty
     * 200. Repeating one after it took effect gives 400 (unknown id), so a lost answer is settled by
     * reading the entity back: TestRail's 400 for an unknown id means it is gone.
     */
    private void delete(String kind, long id) throws InterruptedException {
        write("delete_" + kind, "delete_" + kind + "/" + id, TestRailJson.MAPPER.createObjectNode(), kind + " " + id,
                answer -> Boolean.TRUE, () -> {
                    try {
                        one(kind, id, answer -> answer);
                        return Optional.empty();
                    } catch (TestRailBadRequestException unknown) {
                        return Optional.of(Boolean.TRUE);
                    }
                });
    }

    /** One entity by id, e.g. {@code one("run", 7, TestRailJson::run)} reads get_run/7. */
    private <T> T one(String kind, long id, Function<JsonNode, T> parse) throws InterruptedException {
        return http.get("get_" + kind, "get_" + kind + "/" + id, parse);
    }

    /**
     * Closes a run or plan. Only an answer showing it closed is taken as done; any other answer, like
     * a failure after sending, makes the outcome unknown, and reading it back tells whether it closed.
     */
    private <T> T close(String kind, long id, Function<JsonNode, T> parse, Predicate<T> completed)
            throws InterruptedException {
        String target = kind + " " + id;
        try {
            return closeOnce(kind, id, parse, completed, target);
        } catch (TestRailBadRequestException refused) {
            // Already closed (an earlier attempt whose answer was lost, or another job): TestRail
            // refuses to close it again ("... is completed and cannot be edited."). That is success.
            Optional<T> closed = Optional.of(one(kind, id, parse)).filter(completed);
            if (closed.isPresent()) {
                return closed.get();
            }
            throw refused;
        }
    }

    private <T> T closeOnce(String kind, long id, Function<JsonNode, T> parse, Predicate<T> completed, String target)
            throws InterruptedException {
        return write("close_" + kind, "close_" + kind + "/" + id, TestRailJson.MAPPER.createObjectNode(), target,
                answer -> {
                    Optional<T> closed;
                    try {
                        closed = Optional.of(parse.apply(answer)).filter(completed);
                    } catch (TestRailJson.Malformed notAnEntity) {
                        closed = Optional.empty();
                    }
                    return closed.orElseThrow(() -> new TestRailHttp.WriteOutcomeUnknown(
                            "TestRail's answer does not show " + target + " closed"));
                },
                () -> Optional.of(one(kind, id, parse)).filter(completed));
    }

    private <T> List<T> list(String method, String path, String key, Function<JsonNode, T> parse)
            throws InterruptedException {
        return http.getAll(method, path, key, parse);
    }

    /**
     * Whether a run or plan entry named {@code name} in {@code suiteId} is what writing one named
     * {@code sentName} in {@code sentSuiteId} (0: left out) makes.
     */
    private static boolean written(String sentName, long sentSuiteId, String name, long suiteId) {
        return name.equals(sentName) && (sentSuiteId <= 0 || suiteId == sentSuiteId);
    }

    private static <T> Optional<T> newest(List<T> items, Predicate<T> match, ToLongFunction<T> id) {
        return items.stream().filter(match).max(Comparator.comparingLong(id));
    }

    private static String suiteFilter(long suiteId) {
        return suiteId > 0 ? "&suite_id=" + suiteId : "";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * A text id as one path segment (entry ids are GUIDs from TestRail, but nothing guarantees it):
     * percent-encoded, so '/', '&' and '#' cannot split it, and a space as %20, not '+'.
     */
    private static String segment(String value) {
        return encode(value).replace("+", "%20");
    }
}
