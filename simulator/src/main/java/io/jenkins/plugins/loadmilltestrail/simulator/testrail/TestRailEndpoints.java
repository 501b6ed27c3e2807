package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API methods of the simulated TestRail: input validation with TestRail's error texts,
 * suite_mode rules, pagination, and the effects on the {@link TestRailStore}. Each call runs
 * under the store's lock, so a batch is validated and stored atomically.
 */
final class TestRailEndpoints {
    static final int MAX_LIMIT = 250;
    static final int MAX_TITLE = 250;
    static final String NOT_IN_RUN = "Field :results contains one or more invalid results (case C%d unknown or not part "
            + "of the test run)";
    static final String PLAN_RUN = "This operation is not allowed. The test run belongs to a test plan and cannot be "
            + "edited independently.";
    static final String RUN_CLOSED = "This operation is not allowed. The test run is completed and cannot be edited.";
    static final String PLAN_CLOSED = "This operation is not allowed. The test plan is completed and cannot be edited.";
    /** Documented for add_plan entries (mozilla/fx-desktop-qa-automation#1326); used for add_plan_entry too (a guess). */
    static final String CONFIGS_WITHOUT_RUNS = "Field :entries has configurations but no test runs.";
    /** Guessed wording: TestRail's documentation names the 400 but not its text. */
    static final String UNKNOWN_CONFIG = "Field :config_ids contains one or more invalid configurations (configuration %d "
            + "unknown or not part of the project).";
    /** Guessed wording and behaviour: a run's configurations must be among its entry's. */
    static final String RUN_CONFIG_NOT_IN_ENTRY = "Field :runs.config_ids contains configuration %d, which is not part "
            + "of the entry's config_ids.";
    static final String NOT_A_PLAN_RUN = "Field :run_id is not a valid test run of a test plan.";
    private static final Pattern TIMESPAN = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([wdhms])\\s*");
    private static final Set<String> RESULT_KEYS = Set.of("case_id", "status_id", "comment", "version", "elapsed",
            "assignedto_id");

    private final TestRailStore store;
    private final TestRailViews views;
    private final Map<String, Function<ApiRequest, JsonNode>> methods = new HashMap<>();
    private final Set<String> writes = Set.of("add_suite", "add_section", "add_case", "add_run", "update_run", "close_run",
            "add_plan", "add_plan_entry", "update_plan_entry", "close_plan", "add_results_for_cases",
            "add_attachment_to_result", "update_run_in_plan_entry", "delete_plan_entry", "delete_suite", "delete_section",
            "delete_case");
    private volatile boolean bareArrays;
    private volatile boolean bareSuites;
    private volatile boolean zeroLimitLinks;
    private volatile boolean decimalElapsed = true;
    private volatile boolean closingClosedRefused = true;

    TestRailEndpoints(TestRailStore store, TestRailViews views) {
        this.store = store;
        this.views = views;
        methods.put("get_user_by_email", this::getUserByEmail);
        methods.put("add_attachment_to_result", this::addAttachmentToResult);
        methods.put("get_projects", r -> page(r, "projects", store.projects().stream()
                .filter(p -> r.user().canAccess(p.id()))
                .filter(p -> !r.params().containsKey("is_completed") || p.completed() == (r.param("is_completed") == 1))
                .toList(), views::project));
        methods.put("get_project", r -> views.project(project(r, r.id(0, "project_id"))));
        methods.put("get_suites", r -> {
            SimProject p = project(r, r.id(0, "project_id"));
            List<SimSuite> suites = store.suites(p.id());
            return bareSuites ? array(suites, views::suite) : page(r, "suites", suites, views::suite);
        });
        methods.put("get_suite", r -> views.suite(suite(r, r.id(0, "suite_id"))));
        methods.put("add_suite", this::addSuite);
        // The deletes: an empty 200 [API ref]; soft=1 (a dry run answering counts) is not simulated.
        methods.put("delete_suite", r -> {
            store.deleteSuite(suite(r, r.id(0, "suite_id")).id());
            return MissingNode.getInstance();
        });
        methods.put("delete_section", r -> {
            store.deleteSection(section(r, r.id(0, "section_id")).id());
            return MissingNode.getInstance();
        });
        methods.put("delete_case", r -> {
            store.deleteCases(List.of(testCase(r, r.id(0, "case_id")).id()));
            return MissingNode.getInstance();
        });
        methods.put("get_sections", r -> {
            SimProject p = project(r, r.id(0, "project_id"));
            SimSuite s = suiteOf(p, r.param("suite_id"));
            return page(r, "sections", store.sections(s.id()), views::section);
        });
        methods.put("get_section", r -> views.section(section(r, r.id(0, "section_id"))));
        methods.put("add_section", this::addSection);
        methods.put("get_cases", this::getCases);
        methods.put("get_case", r -> views.testCase(testCase(r, r.id(0, "case_id"))));
        methods.put("add_case", this::addCase);
        methods.put("get_case_fields", r -> array(store.caseFields(), views::field));
        methods.put("get_result_fields", r -> array(store.resultFields(), views::field));
        methods.put("get_statuses", r -> array(store.statuses(), views::status));
        methods.put("get_milestones", r -> page(r, "milestones",
                store.milestones(project(r, r.id(0, "project_id")).id()), views::milestone));
        methods.put("get_milestone", r -> views.milestone(accessible(r, store.milestone(r.id(0, "milestone_id")),
                "milestone_id", "valid milestone", SimMilestone::projectId)));
        methods.put("add_run", this::addRun);
        methods.put("update_run", this::updateRun);
        methods.put("get_run", r -> views.run(run(r, r.id(0, "run_id"))));
        methods.put("get_runs", this::getRuns);
        methods.put("close_run", this::closeRun);
        methods.put("add_plan", this::addPlan);
        methods.put("add_plan_entry", this::addPlanEntry);
        methods.put("update_plan_entry", this::updatePlanEntry);
        methods.put("update_run_in_plan_entry", this::updateRunInPlanEntry);
        methods.put("delete_plan_entry", this::deletePlanEntry);
        methods.put("get_configs", r -> array(store.configGroups(project(r, r.id(0, "project_id")).id()),
                views::configGroup));
        methods.put("get_plan", r -> views.plan(plan(r, r.id(0, "plan_id")), true));
        methods.put("get_plans", r -> {
            SimProject p = project(r, r.id(0, "project_id"));
            return page(r, "plans", store.plans().stream().filter(pl -> pl.projectId() == p.id())
                    .filter(pl -> !r.params().containsKey("is_completed") || pl.completed() == (r.param("is_completed") == 1))
                    .toList(), pl -> views.plan(pl, false));
        });
        methods.put("close_plan", r -> {
            SimPlan plan = plan(r, r.id(0, "plan_id"));
            if (plan.completed()) {
                if (!closingClosedRefused) {
                    return views.plan(plan, true);
                }
                throw ApiError.badRequest(PLAN_CLOSED);
            }
            return views.plan(store.closePlan(plan.id()), true);
        });
        methods.put("get_tests", r -> {
            SimRun run = run(r, r.id(0, "run_id"));
            String status = r.params().getOrDefault("status_id", "");
            return page(r, "tests", store.tests(run.id()).stream()
                    .filter(t -> status.isEmpty() || List.of(status.split(",")).contains(String.valueOf(t.statusId())))
                    .toList(), views::test);
        });
        methods.put("get_results_for_run", r -> {
            SimRun run = run(r, r.id(0, "run_id"));
            List<SimResult> newestFirst = new ArrayList<>(store.results(run.id()));
            java.util.Collections.reverse(newestFirst);
            return page(r, "results", newestFirst, views::result);
        });
        methods.put("add_results_for_cases", this::addResultsForCases);
    }

    boolean knows(String method) {
        return methods.containsKey(method);
    }

    /** Answers one call (the caller has checked auth); throws {@link ApiError} for refusals. */
    JsonNode handle(ApiRequest request) {
        if (writes.contains(request.method()) && !request.httpMethod().equals("POST")) {
            throw ApiError.badRequest("This method requires a POST request.");
        }
        synchronized (store) {
            return methods.get(request.method()).apply(request);
        }
    }

    void setBareArrays(boolean value) {
        bareArrays = value;
    }

    void setBareSuites(boolean value) {
        bareSuites = value;
    }

    void setZeroLimitLinks(boolean value) {
        zeroLimitLinks = value;
    }

    void setClosingClosedRefused(boolean value) {
        closingClosedRefused = value;
    }

    // ---- reads ----

    private JsonNode getUserByEmail(ApiRequest r) {
        String email = r.params().getOrDefault("email", "");
        return store.userByEmail(email).filter(u -> email.contains("@")).map(views::user)
                .orElseThrow(() -> ApiError.badRequest("Field :email is not a valid email address."));
    }

    private JsonNode getCases(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        SimSuite s = suiteOf(p, r.param("suite_id"));
        long sectionId = r.param("section_id");
        if (sectionId != 0 && store.section(sectionId).filter(sec -> sec.suiteId() == s.id()).isEmpty()) {
            throw ApiError.badRequest("Field :section_id is not a valid section.");
        }
        // TestRail's filters: "created_after", "created_before", "updated_after", "updated_before" (UNIX seconds).
        long createdAfter = r.param("created_after");
        long createdBefore = r.param("created_before");
        long updatedAfter = r.param("updated_after");
        long updatedBefore = r.param("updated_before");
        return page(r, "cases", store.cases(s.id()).stream()
                .filter(c -> sectionId == 0 || c.sectionId() == sectionId)
                .filter(c -> createdAfter == 0 || c.createdOn() > createdAfter)
                .filter(c -> createdBefore == 0 || c.createdOn() < createdBefore)
                .filter(c -> updatedAfter == 0 || c.updatedOn() > updatedAfter)
                .filter(c -> updatedBefore == 0 || c.updatedOn() < updatedBefore)
                .toList(), views::testCase);
    }

    private JsonNode getRuns(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        return page(r, "runs", store.runs().stream().filter(run -> run.projectId() == p.id() && run.planId() == 0)
                .filter(run -> !r.params().containsKey("is_completed") || run.completed() == (r.param("is_completed") == 1))
                .toList(), views::run);
    }

    // ---- writes ----

    private JsonNode addSuite(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        if (p.suiteMode() != 3) {
            throw ApiError.badRequest("The project does not support multiple test suites (suite mode " + p.suiteMode()
                    + "); test suites can only be added to projects with multiple suites.");
        }
        String name = requiredText(r.body(), "name");
        return views.suite(store.addSuite(p.id(), name, text(r.body(), "description")));
    }

    private JsonNode addSection(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        String name = requiredText(r.body(), "name");
        SimSuite s = suiteOf(p, r.body().path("suite_id").asLong(0));
        long parentId = r.body().path("parent_id").asLong(0);
        if (parentId != 0 && store.section(parentId).filter(sec -> sec.suiteId() == s.id()).isEmpty()) {
            throw ApiError.badRequest("Field :parent_id is not a valid section.");
        }
        return views.section(store.addSection(s.id(), parentId, name, text(r.body(), "description")));
    }

    private JsonNode addCase(ApiRequest r) {
        SimSection section = section(r, r.id(0, "section_id"));
        JsonNode body = r.body();
        String title = text(body, "title");
        if (title.isBlank()) {
            throw ApiError.badRequest("Field :title is a required field.");
        }
        if (title.length() > MAX_TITLE) {
            throw ApiError.badRequest("Field :title is too long (" + MAX_TITLE + " characters at most).");
        }
        for (SimField field : store.caseFields()) {
            if (field.requiredIn(section.projectId()) && isBlank(body.path(field.systemName()))) {
                throw ApiError.badRequest("Field :" + field.systemName() + " is a required field.");
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("title")) {
                fields.put(e.getKey(), TestRailViews.MAPPER.convertValue(e.getValue(), Object.class));
            }
        });
        return views.testCase(store.addCase(section.id(), title, fields));
    }

    private JsonNode addRun(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        JsonNode body = r.body();
        String name = requiredText(body, "name");
        SimSuite s = suiteOf(p, body.path("suite_id").asLong(0));
        long milestoneId = milestone(p, body);
        boolean includeAll = includeAll(body);
        String refs = refs(body);
        SimRun run = store.addRun(p.id(), s.id(), name, text(body, "description"), milestoneId, includeAll,
                caseIds(body, s, includeAll), 0, "");
        store.extras.refs(run.id(), refs);
        return views.run(run);
    }

    /**
     * A run's or entry's refs: at most 250 characters (trcli's MAX_RUN_REFERENCES_LENGTH); the error
     * text follows TestRail's for other over-long fields [guess].
     */
    private static String refs(JsonNode body) {
        String refs = text(body, "refs");
        if (refs.length() > 250) {
            throw ApiError.badRequest("Field :refs is too long (250 characters at most).");
        }
        return refs;
    }

    private JsonNode updateRun(ApiRequest r) {
        SimRun run = run(r, r.id(0, "run_id"));
        if (run.planId() != 0) {
            throw ApiError.badRequest(PLAN_RUN);
        }
        if (run.completed()) {
            throw ApiError.badRequest(RUN_CLOSED);
        }
        return views.run(reselect(run, r.body()));
    }

    private JsonNode closeRun(ApiRequest r) {
        SimRun run = run(r, r.id(0, "run_id"));
        if (run.planId() != 0) {
            throw ApiError.badRequest(PLAN_RUN);
        }
        if (run.completed()) {
            if (!closingClosedRefused) {
                return views.run(run);
            }
            throw ApiError.badRequest(RUN_CLOSED);
        }
        return views.run(store.closeRun(run.id()));
    }

    private JsonNode addPlan(ApiRequest r) {
        SimProject p = project(r, r.id(0, "project_id"));
        JsonNode body = r.body();
        String name = requiredText(body, "name");
        long milestoneId = milestone(p, body);
        List<JsonNode> entries = new ArrayList<>();
        body.path("entries").forEach(entries::add);
        // Validate every entry before storing anything.
        List<SimSuite> suites = new ArrayList<>();
        List<List<TestRailStore.EntryRun>> runs = new ArrayList<>();
        for (JsonNode entry : entries) {
            SimSuite s = suiteOf(p, entry.path("suite_id").asLong(0));
            runs.add(entryRuns(p, entry, s));
            refs(entry);
            suites.add(s);
        }
        SimPlan plan = store.addPlan(p.id(), name, text(body, "description"), milestoneId);
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            SimPlanEntry added = store.addPlanEntry(plan.id(), suites.get(i).id(), entryName(entry, suites.get(i)),
                    text(entry, "description"), configIds(entry), runs.get(i));
            added.runIds().forEach(id -> store.extras.refs(id, refs(entry)));
        }
        return views.plan(store.plan(plan.id()).orElseThrow(), true);
    }

    private JsonNode addPlanEntry(ApiRequest r) {
        SimPlan plan = plan(r, r.id(0, "plan_id"));
        if (plan.completed()) {
            throw ApiError.badRequest(PLAN_CLOSED);
        }
        SimProject p = store.project(plan.projectId()).orElseThrow();
        SimSuite s = suiteOf(p, r.body().path("suite_id").asLong(0));
        List<TestRailStore.EntryRun> runs = entryRuns(p, r.body(), s);
        String refs = refs(r.body());
        SimPlanEntry added = store.addPlanEntry(plan.id(), s.id(), entryName(r.body(), s), text(r.body(), "description"),
                configIds(r.body()), runs);
        added.runIds().forEach(id -> store.extras.refs(id, refs));
        return views.planEntry(added);
    }

    /**
     * The runs of an add_plan / add_plan_entry entry: one per element of {@code runs} (each with its
     * config_ids; include_all and case_ids of the run, else of the entry), or one from the entry's
     * own selection when it has no {@code runs}. Configurations must belong to the project, and a
     * run's to the entry's config_ids.
     */
    private List<TestRailStore.EntryRun> entryRuns(SimProject p, JsonNode entry, SimSuite suite) {
        List<Long> entryConfigs = configIds(entry);
        for (long id : entryConfigs) {
            if (store.config(p.id(), id).isEmpty()) {
                throw ApiError.badRequest(String.format(UNKNOWN_CONFIG, id));
            }
        }
        JsonNode runs = entry.path("runs");
        if (!runs.isArray() || runs.isEmpty()) {
            if (!entryConfigs.isEmpty()) {
                throw ApiError.badRequest(CONFIGS_WITHOUT_RUNS);
            }
            boolean includeAll = includeAll(entry);
            return List.of(new TestRailStore.EntryRun(List.of(), includeAll, caseIds(entry, suite, includeAll)));
        }
        List<TestRailStore.EntryRun> result = new ArrayList<>();
        for (JsonNode run : runs) {
            List<Long> configs = configIds(run);
            for (long id : configs) {
                if (store.config(p.id(), id).isEmpty()) {
                    throw ApiError.badRequest(String.format(UNKNOWN_CONFIG, id));
                }
                if (!entryConfigs.contains(id)) {
                    throw ApiError.badRequest(String.format(RUN_CONFIG_NOT_IN_ENTRY, id));
                }
            }
            JsonNode selection = run.has("include_all") || run.has("case_ids") ? run : entry;
            boolean includeAll = includeAll(selection);
            result.add(new TestRailStore.EntryRun(configs, includeAll, caseIds(selection, suite, includeAll)));
        }
        return result;
    }

    private static List<Long> configIds(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("config_ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    private JsonNode updateRunInPlanEntry(ApiRequest r) {
        SimRun run = run(r, r.id(0, "run_id"));
        if (run.planId() == 0) {
            throw ApiError.badRequest(NOT_A_PLAN_RUN);
        }
        if (run.completed()) {
            throw ApiError.badRequest(PLAN_CLOSED);
        }
        return views.run(reselect(run, r.body()));
    }

    private JsonNode deletePlanEntry(ApiRequest r) {
        SimPlan plan = plan(r, r.id(0, "plan_id"));
        String entryId = r.idText(1, "entry_id");
        if (plan.entries().stream().noneMatch(e -> e.id().equals(entryId))) {
            throw ApiError.badRequest("Field :entry_id is not a valid test plan entry.");
        }
        if (plan.completed()) {
            throw ApiError.badRequest(PLAN_CLOSED);
        }
        store.deletePlanEntry(plan.id(), entryId);
        return TestRailViews.MAPPER.createObjectNode();
    }

    private JsonNode updatePlanEntry(ApiRequest r) {
        SimPlan plan = plan(r, r.id(0, "plan_id"));
        String entryId = r.idText(1, "entry_id");
        SimPlanEntry entry = plan.entries().stream().filter(e -> e.id().equals(entryId)).findFirst()
                .orElseThrow(() -> ApiError.badRequest("Field :entry_id is not a valid test plan entry."));
        if (plan.completed()) {
            throw ApiError.badRequest(PLAN_CLOSED);
        }
        for (long runId : entry.runIds()) {
            reselect(store.run(runId).orElseThrow(), r.body());
        }
        return views.planEntry(entry);
    }

    private JsonNode addResultsForCases(ApiRequest r) {
        SimRun run = run(r, r.id(0, "run_id"));
        if (run.completed()) {
            throw ApiError.badRequest(RUN_CLOSED);
        }
        JsonNode results = r.body().path("results");
        if (results.isMissingNode() || results.isNull()) {
            throw ApiError.badRequest("Field :results is a required field.");
        }
        if (!results.isArray() || results.isEmpty()) {
            throw ApiError.badRequest("Field :results cannot be empty (one result is required)");
        }
        Map<Integer, SimStatus> statuses = new HashMap<>();
        store.statuses().forEach(s -> statuses.put(s.id(), s));
        List<SimField> required = store.resultFields().stream().filter(f -> f.requiredIn(run.projectId())).toList();
        List<SimField> typed = store.resultFields().stream()
                .filter(f -> f.active() && f.configFor(run.projectId()).isPresent()).toList();
        for (JsonNode entry : results) {
            if (!entry.path("case_id").canConvertToLong() || entry.path("case_id").asLong() <= 0) {
                throw ApiError.badRequest("Field :results.case_id is a required field.");
            }
            long caseId = entry.path("case_id").asLong();
            if (store.test(run.id(), caseId).isEmpty()) {
                throw ApiError.badRequest(String.format(NOT_IN_RUN, caseId));
            }
            validateResult(entry, statuses, required);
            for (SimField field : typed) {
                validateFieldValue(entry.path(field.systemName()), field, field.configFor(run.projectId()).orElseThrow());
            }
            validateAssignee(entry);
        }
        ArrayNode answer = TestRailViews.MAPPER.createArrayNode();
        for (JsonNode entry : results) {
            Map<String, Object> fields = new LinkedHashMap<>();
            entry.fields().forEachRemaining(e -> {
                if (!RESULT_KEYS.contains(e.getKey())) {
                    fields.put(e.getKey(), TestRailViews.MAPPER.convertValue(e.getValue(), Object.class));
                }
            });
            int statusId = entry.path("status_id").asInt(0);
            if (statusId == 0) {
                statusId = store.test(run.id(), entry.path("case_id").asLong()).orElseThrow().statusId();
            }
            SimResult stored = store.addResult(run.id(), entry.path("case_id").asLong(), statusId,
                    text(entry, "comment"), text(entry, "version"), text(entry, "elapsed"), fields);
            if (entry.path("assignedto_id").asLong(0) > 0) {
                store.extras.assign(stored.id(), entry.path("assignedto_id").asLong());
            }
            answer.add(views.result(stored));
        }
        return answer;
    }

    /** assignedto_id must name a user TestRail has; the error text is modelled on the others [guess]. */
    private void validateAssignee(JsonNode entry) {
        JsonNode assignee = entry.path("assignedto_id");
        if (assignee.isMissingNode() || assignee.isNull()) {
            return;
        }
        boolean number = assignee.isIntegralNumber() || assignee.isTextual() && assignee.asText().matches("[0-9]{1,18}");
        if (!number || store.user(assignee.asLong()).isEmpty()) {
            throw ApiError.badRequest("Field :results.assignedto_id is not a valid user.");
        }
    }

    /**
     * add_attachment_to_result/{result_id}: a multipart/form-data file in the field "attachment"
     * [trcli]; answers {"attachment_id": id}. Refusals: an unknown result (400, wording [guess]), the
     * site setting that allows editing results off (403, {@link SimExtras}), a file over the
     * configured size (413 [guess]), no file (400 [guess]).
     */
    private JsonNode addAttachmentToResult(ApiRequest r) {
        long resultId = r.id(0, "result_id");
        SimResult result = store.result(resultId)
                .orElseThrow(() -> ApiError.badRequest("Field :result_id is not a valid result."));
        access(r, store.run(result.runId()).orElseThrow().projectId());
        if (!store.extras.attachmentsAllowed()) {
            throw new ApiError(403, SimExtras.ATTACHMENTS_DISABLED);
        }
        JsonNode file = r.body().path("attachment");
        if (!file.isObject() || !file.has("data")) {
            throw ApiError.badRequest("Field :attachment is a required field.");
        }
        byte[] data = java.util.Base64.getDecoder().decode(file.path("data").asText());
        if (data.length > store.extras.maxAttachmentBytes()) {
            throw new ApiError(413, "The attachment is too large (" + store.extras.maxAttachmentBytes()
                    + " bytes at most).");
        }
        SimAttachment attachment = store.extras.attach(resultId, file.path("filename").asText("attachment"),
                file.path("content_type").asText(""), data);
        return TestRailViews.MAPPER.createObjectNode().put("attachment_id", attachment.id());
    }

    /**
     * A custom result field's value against its type. Only the String length message is seen in the
     * wild (for a case field); the others are [unverified] wordings in TestRail's "Field :x" style.
     */
    private static void validateFieldValue(JsonNode value, SimField field, SimFieldConfig config) {
        if (value.isMissingNode() || value.isNull()) {
            return;
        }
        String name = "Field :results." + field.systemName();
        switch (field.typeId()) {
            case 1 -> {
                if (!value.isValueNode() || value.asText().codePointCount(0, value.asText().length()) > MAX_TITLE) {
                    throw ApiError.badRequest(name + " is too long (250 characters at most).");
                }
            }
            case 2 -> {
                if (!(value.isIntegralNumber() || value.isTextual() && value.asText().strip().matches("-?\\d{1,18}"))) {
                    throw ApiError.badRequest(name + " is not a valid integer.");
                }
            }
            case 4 -> {
                if (!value.isTextual() || !value.asText().matches("(?i)[a-z][a-z0-9+.-]*://\\S+")) {
                    throw ApiError.badRequest(name + " is not a valid URL.");
                }
            }
            case 5 -> {
                if (!(value.isBoolean() || value.isIntegralNumber() && (value.asInt() == 0 || value.asInt() == 1))) {
                    throw ApiError.badRequest(name + " is not a valid checkbox value (true or false).");
                }
            }
            case 6 -> {
                if (!optionId(value, config)) {
                    throw ApiError.badRequest(name + " is not a valid dropdown option.");
                }
            }
            case 12 -> {
                boolean valid = value.isArray();
                for (JsonNode item : value) {
                    valid &= optionId(item, config);
                }
                if (!valid) {
                    throw ApiError.badRequest(name + " contains an invalid multi-select option.");
                }
            }
            default -> {
                // text, date, user, milestone...: not checked
            }
        }
    }

    /** A dropdown value: one of the options' ids, as a number or numeric text. */
    private static boolean optionId(JsonNode value, SimFieldConfig config) {
        String text = value.isIntegralNumber() || value.isTextual() ? value.asText().strip() : "";
        return text.matches("\\d{1,18}") && config.itemIds().contains(Long.valueOf(text));
    }

    private void validateResult(JsonNode entry, Map<Integer, SimStatus> statuses, List<SimField> required) {
        JsonNode status = entry.path("status_id");
        if (status.isMissingNode() || status.isNull()) {
            if (text(entry, "comment").isEmpty() && entry.path("assignedto_id").isMissingNode()) {
                throw ApiError.badRequest("Field :results.status_id is a required field.");
            }
        } else {
            SimStatus known = statuses.get(status.asInt());
            if (known == null || !status.canConvertToInt()) {
                throw ApiError.badRequest("Field :results.status_id is not a valid status.");
            }
            if (known.untested()) {
                throw ApiError.badRequest("Field :results.status_id uses the untested status (" + known.id()
                        + "), which cannot be set by a result.");
            }
        }
        if (entry.has("elapsed") && !entry.path("elapsed").isNull()
                && !validTimespan(entry.path("elapsed").asText(), decimalElapsed)) {
            throw ApiError.badRequest("Field :results.elapsed is not in a valid time span format.");
        }
        for (SimField field : required) {
            if (isBlank(entry.path(field.systemName()))) {
                throw ApiError.badRequest("Field :results." + field.systemName() + " is a required field.");
            }
        }
    }

    /** "1m 5s", "2h", "30s", "0.5s": at least one part, total above zero. */
    static boolean validTimespan(String text) {
        return validTimespan(text, true);
    }

    /** @param decimals whether parts may have decimals ("1.5s"), which older TestRail versions refuse [inferred] */
    static boolean validTimespan(String text, boolean decimals) {
        if (text.isBlank() || !decimals && text.contains(".")) {
            return false;
        }
        Matcher m = TIMESPAN.matcher(text);
        int end = 0;
        double total = 0;
        while (m.find() && m.start() == end) {
            total += Double.parseDouble(m.group(1));
            end = m.end();
        }
        return end == text.length() && total > 0;
    }

    private SimRun reselect(SimRun run, JsonNode body) {
        boolean includeAll = body.has("include_all") ? body.path("include_all").asBoolean() : run.includeAll();
        SimSuite suite = store.suite(run.suiteId()).orElseThrow();
        List<Long> caseIds = body.has("case_ids") || includeAll ? caseIds(body, suite, includeAll) : run.caseIds();
        return store.replaceCases(run.id(), includeAll, caseIds);
    }

    // ---- lookups with TestRail's errors ----

    private SimProject project(ApiRequest r, long id) {
        return accessible(r, store.project(id), "project_id", "valid or accessible project", SimProject::id);
    }

    private SimSuite suite(ApiRequest r, long id) {
        return accessible(r, store.suite(id), "suite_id", "valid test suite", SimSuite::projectId);
    }

    private SimSection section(ApiRequest r, long id) {
        return accessible(r, store.section(id), "section_id", "valid section", SimSection::projectId);
    }

    private SimCase testCase(ApiRequest r, long id) {
        return accessible(r, store.testCase(id), "case_id", "valid test case", SimCase::projectId);
    }

    private SimRun run(ApiRequest r, long id) {
        return accessible(r, store.run(id), "run_id", "valid test run", SimRun::projectId);
    }

    private SimPlan plan(ApiRequest r, long id) {
        return accessible(r, store.plan(id), "plan_id", "valid test plan", SimPlan::projectId);
    }

    /** An entity the user may see: absent is TestRail's 400 on the id field, another project's a 403. */
    private static <T> T accessible(ApiRequest r, Optional<T> found, String field, String valid,
            ToLongFunction<T> projectId) {
        T entity = found.orElseThrow(() -> ApiError.badRequest("Field :" + field + " is not a " + valid + "."));
        access(r, projectId.applyAsLong(entity));
        return entity;
    }

    private static void access(ApiRequest r, long projectId) {
        if (!r.user().canAccess(projectId)) {
            throw new ApiError(403, "No access to the project");
        }
    }

    /** suite_mode rules: 1 ignores suite_id, 2 takes it or the master, 3 requires it. */
    private SimSuite suiteOf(SimProject p, long suiteId) {
        if (p.suiteMode() == 1 || (p.suiteMode() == 2 && suiteId == 0)) {
            return store.masterSuite(p.id()).orElseThrow();
        }
        if (suiteId == 0) {
            throw ApiError.badRequest("Field :suite_id is a required field.");
        }
        return store.suite(suiteId).filter(s -> s.projectId() == p.id())
                .orElseThrow(() -> ApiError.badRequest("Field :suite_id is not a valid test suite."));
    }

    private long milestone(SimProject p, JsonNode body) {
        long id = body.path("milestone_id").asLong(0);
        if (id != 0 && store.milestone(id).filter(m -> m.projectId() == p.id()).isEmpty()) {
            throw ApiError.badRequest("Field :milestone_id is not a valid milestone.");
        }
        return id;
    }

    private static boolean includeAll(JsonNode body) {
        return !body.has("include_all") || body.path("include_all").asBoolean(true);
    }

    private List<Long> caseIds(JsonNode body, SimSuite suite, boolean includeAll) {
        if (includeAll) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (JsonNode id : body.path("case_ids")) {
            long caseId = id.asLong();
            if (store.testCase(caseId).filter(c -> c.suiteId() == suite.id()).isEmpty()) {
                throw ApiError.badRequest("Field :case_ids contains one or more invalid cases (case C" + caseId
                        + " unknown or not part of the test suite)");
            }
            ids.add(caseId);
        }
        return ids;
    }

    private static String entryName(JsonNode entry, SimSuite suite) {
        String name = text(entry, "name");
        return name.isEmpty() ? suite.name() : name;
    }

    // ---- JSON helpers and pagination ----

    /**
     * One page of a list call, as TestRail 6.7+ writes it (or the bare array on legacy servers):
     * limit capped at 250 (0 means 250), next/prev links relative and without index.php?.
     */
    private <T> JsonNode page(ApiRequest r, String key, List<T> items, Function<T, ObjectNode> view) {
        if (bareArrays) {
            return array(items, view);
        }
        long requested = r.param("limit");
        int limit = requested <= 0 || requested > MAX_LIMIT ? MAX_LIMIT : (int) requested;
        int offset = (int) Math.max(0, Math.min(r.param("offset"), items.size()));
        List<T> slice = items.subList(offset, Math.min(items.size(), offset + limit));
        ObjectNode page = TestRailViews.MAPPER.createObjectNode().put("offset", offset).put("limit", limit)
                .put("size", slice.size());
        ObjectNode links = page.putObject("_links");
        String self = "/api/v2/" + r.method() + (r.ids().isEmpty() ? "" : "/" + String.join("/", r.ids())) + r.rawFilters();
        int linkLimit = zeroLimitLinks ? 0 : limit;
        if (offset + limit < items.size()) {
            links.put("next", self + "&limit=" + linkLimit + "&offset=" + (offset + limit));
        } else {
            links.putNull("next");
        }
        if (offset > 0) {
            links.put("prev", self + "&limit=" + linkLimit + "&offset=" + Math.max(0, offset - limit));
        } else {
            links.putNull("prev");
        }
        ArrayNode array = page.putArray(key);
        slice.forEach(item -> array.add(view.apply(item)));
        return page;
    }

    private static <T> ArrayNode array(List<T> items, Function<T, ObjectNode> view) {
        ArrayNode array = TestRailViews.MAPPER.createArrayNode();
        items.forEach(item -> array.add(view.apply(item)));
        return array;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static String requiredText(JsonNode body, String field) {
        String value = text(body, field);
        if (value.isBlank()) {
            throw ApiError.badRequest("Field :" + field + " is a required field.");
        }
        return value;
    }

    /** Off: elapsed times with decimals ("0.5s") are refused, as by TestRail versions before decimals [inferred]. */
    void setDecimalElapsed(boolean value) {
        decimalElapsed = value;
    }

    private static boolean isBlank(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isTextual() && value.asText().isBlank())
                || (value.isArray() && value.isEmpty());
    }
}
