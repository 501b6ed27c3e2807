package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.FieldConfig;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Milestone;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ConfigGroup;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.NewRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PlanEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.PostedResult;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.ResultEntry;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Section;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Suite;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.SuiteMode;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Test;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestCase;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestPlan;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.TestRun;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * TestRail JSON in and out: tolerant body parsing (legacy prefix, both list shapes), strict entity
 * mapping (see {@link Malformed}), request bodies.
 */
final class TestRailJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int PREVIEW = 120;

    /**
     * JSON that is not what TestRail sends for a call: a list without its key, an item that is not
     * an object, an entity without its id or a field the engine relies on. The message says what is
     * wrong; the caller names the API method (see {@link TestRailErrors#unexpected}).
     */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String detail) {
            super(detail, null, false, false);
        }
    }

    private TestRailJson() {}

    /**
     * Parses an answer body. Legacy servers put "USER AUTHENTICATION SUCCESSFUL!" before the JSON,
     * so anything before the first '{' or '[' is skipped; an empty body is {}. Empty when the body
     * is not JSON (an HTML page starts with '<').
     */
    static Optional<JsonNode> parse(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return Optional.of(MAPPER.createObjectNode());
        }
        if (trimmed.startsWith("<")) {
            return Optional.empty();
        }
        int object = trimmed.indexOf('{');
        int array = trimmed.indexOf('[');
        int start = object < 0 ? array : array < 0 ? object : Math.min(object, array);
        if (start < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.readTree(trimmed.substring(start)));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** TestRail's {"error": "..."} text, or "". */
    static String errorText(String body) {
        return parse(body).map(n -> text(n, "error")).orElse("");
    }

    /**
     * The items of one page: a bare array (old servers) or the paginated object's {@code key}. A
     * page without that list, or with an item that is not an object, is not TestRail's: reading it
     * as "no items" would make a suite look empty (and auto-create would duplicate its cases).
     */
    static List<JsonNode> items(JsonNode page, String key) {
        JsonNode array = page.isArray() ? page : page.path(key);
        if (!array.isArray()) {
            throw new Malformed("it has no '" + key + "' list: " + preview(page));
        }
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isObject()) {
                throw new Malformed("item " + (out.size() + 1) + " of the '" + key + "' list is not an object: "
                        + preview(item));
            }
            out.add(item);
        }
        return out;
    }

    /** {@code _links.next} of a paginated page, or "" (bare arrays have no next page). */
    static String nextLink(JsonNode page) {
        return page.isObject() ? text(page.path("_links"), "next") : "";
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    static OptionalLong optionalId(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() || (value.isTextual() && !value.asText().isBlank()) ? OptionalLong.of(value.asLong())
                : OptionalLong.empty();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isBoolean() ? value.asBoolean() : value.asInt(0) != 0;
    }

    /**
     * A field the engine relies on: an id, or a reference to one, that is a positive whole number
     * (digits in a string are accepted). A missing one read as 0 would point at nothing.
     */
    private static long id(JsonNode entity, String kind, String field) {
        JsonNode value = entity(entity, kind).path(field);
        boolean digits = value.isTextual() && value.asText().matches("[0-9]{1,18}");
        if ((value.isIntegralNumber() && value.canConvertToLong() || digits) && value.asLong() > 0) {
            return value.asLong();
        }
        throw missing(entity, kind, field);
    }

    /** A text field the engine relies on (a name, a title): present and not null, possibly "". */
    private static String requiredText(JsonNode entity, String kind, String field) {
        JsonNode value = entity(entity, kind).path(field);
        if (!value.isValueNode() || value.isNull()) {
            throw missing(entity, kind, field);
        }
        return value.asText();
    }

    private static JsonNode entity(JsonNode node, String kind) {
        if (!node.isObject()) {
            throw new Malformed(kind + " that is not an object: " + preview(node));
        }
        return node;
    }

    private static Malformed missing(JsonNode entity, String kind, String field) {
        return new Malformed(kind + " without a valid '" + field + "': " + preview(entity));
    }

    private static String preview(JsonNode node) {
        String text = node.toString();
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "…";
    }

    static Project project(JsonNode n) {
        return new Project(id(n, "a project", "id"), requiredText(n, "a project", "name"),
                SuiteMode.of((int) id(n, "a project", "suite_mode")), flag(n, "is_completed"), text(n, "url"));
    }

    static Suite suite(JsonNode n) {
        return new Suite(id(n, "a suite", "id"), n.path("project_id").asLong(), requiredText(n, "a suite", "name"),
                text(n, "description"), flag(n, "is_master"), flag(n, "is_baseline"), flag(n, "is_completed"),
                text(n, "url"));
    }

    static Section section(JsonNode n) {
        return new Section(id(n, "a section", "id"), id(n, "a section", "suite_id"), requiredText(n, "a section", "name"),
                optionalId(n, "parent_id"), n.path("depth").asInt(), n.path("display_order").asInt());
    }

    static TestCase testCase(JsonNode n) {
        return new TestCase(id(n, "a case", "id"), id(n, "a case", "suite_id"), id(n, "a case", "section_id"),
                requiredText(n, "a case", "title"), n.path("display_order").asInt(), n.path("updated_on").asLong(0));
    }

    static CustomField customField(JsonNode n) {
        List<FieldConfig> configs = new ArrayList<>();
        for (JsonNode config : n.path("configs")) {
            JsonNode context = config.path("context");
            List<Long> projects = new ArrayList<>();
            context.path("project_ids").forEach(p -> projects.add(p.asLong()));
            JsonNode options = config.path("options");
            configs.add(new FieldConfig(flag(context, "is_global"), projects, flag(options, "is_required"),
                    text(options, "default_value"), text(options, "items")));
        }
        return new CustomField(id(n, "a field", "id"), requiredText(n, "a field", "system_name"), text(n, "label"),
                n.path("type_id").asInt(), !n.has("is_active") || flag(n, "is_active"), configs);
    }

    static Status status(JsonNode n) {
        return new Status((int) id(n, "a status", "id"), requiredText(n, "a status", "name"), text(n, "label"),
                flag(n, "is_untested"), flag(n, "is_system"));
    }

    static Milestone milestone(JsonNode n) {
        return new Milestone(id(n, "a milestone", "id"), n.path("project_id").asLong(),
                requiredText(n, "a milestone", "name"), flag(n, "is_completed"));
    }

    static TestRun run(JsonNode n) {
        return new TestRun(id(n, "a run", "id"), n.path("project_id").asLong(), id(n, "a run", "suite_id"),
                requiredText(n, "a run", "name"), flag(n, "is_completed"), optionalId(n, "plan_id"), text(n, "entry_id"),
                text(n, "url"), configIds(n));
    }

    /** A run's config_ids (absent or null outside plans and on old servers: none). */
    private static List<Long> configIds(JsonNode n) {
        List<Long> ids = new ArrayList<>();
        n.path("config_ids").forEach(id -> ids.add(id.asLong()));
        return ids;
    }

    /** A configuration group from get_configs, with its configurations. */
    static ConfigGroup configGroup(JsonNode n) {
        long groupId = id(n, "a configuration group", "id");
        List<ConfigGroup.Config> configs = new ArrayList<>();
        items(n, "configs").forEach(c -> configs.add(new ConfigGroup.Config(id(c, "a configuration", "id"), groupId,
                requiredText(c, "a configuration", "name"))));
        return new ConfigGroup(groupId, requiredText(n, "a configuration group", "name"), configs);
    }

    static PlanEntry planEntry(JsonNode n) {
        String id = requiredText(n, "a plan entry", "id");
        if (id.isBlank()) {
            throw missing(n, "a plan entry", "id");
        }
        List<TestRun> runs = new ArrayList<>();
        items(n, "runs").forEach(r -> runs.add(run(r)));
        return new PlanEntry(id, id(n, "a plan entry", "suite_id"), requiredText(n, "a plan entry", "name"), runs);
    }

    /** A plan from get_plan or add_plan, with its entries. */
    static TestPlan plan(JsonNode n) {
        List<PlanEntry> entries = new ArrayList<>();
        items(entity(n, "a plan"), "entries").forEach(e -> entries.add(planEntry(e)));
        return planWith(n, entries);
    }

    /** A plan as get_plans lists it: TestRail leaves the entries out there. */
    static TestPlan listedPlan(JsonNode n) {
        return planWith(n, List.of());
    }

    private static TestPlan planWith(JsonNode n, List<PlanEntry> entries) {
        return new TestPlan(id(n, "a plan", "id"), n.path("project_id").asLong(), requiredText(n, "a plan", "name"),
                flag(n, "is_completed"), text(n, "url"), entries);
    }

    static Test test(JsonNode n) {
        return new Test(id(n, "a test", "id"), id(n, "a test", "case_id"), n.path("run_id").asLong(),
                n.path("status_id").asInt(), text(n, "title"));
    }

    static PostedResult postedResult(JsonNode n) {
        return new PostedResult(id(n, "a result", "id"), id(n, "a result", "test_id"), n.path("status_id").asInt());
    }

    static User user(JsonNode n) {
        return new User(id(n, "a user", "id"), text(n, "name"), text(n, "email"));
    }

    static ObjectNode suiteBody(String name, String description) {
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        if (!description.isEmpty()) {
            body.put("description", description);
        }
        return body;
    }

    static ObjectNode sectionBody(long suiteId, String name, OptionalLong parentId) {
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        if (suiteId > 0) {
            body.put("suite_id", suiteId);
        }
        parentId.ifPresent(p -> body.put("parent_id", p));
        return body;
    }

    static ObjectNode caseBody(NewCase newCase) {
        ObjectNode body = MAPPER.createObjectNode().put("title", newCase.title());
        newCase.templateId().ifPresent(v -> body.put("template_id", v));
        newCase.typeId().ifPresent(v -> body.put("type_id", v));
        newCase.priorityId().ifPresent(v -> body.put("priority_id", v));
        putAll(body, newCase.fields());
        return body;
    }

    /** A run or plan entry: always include_all=false with exactly the given cases. */
    static ObjectNode runBody(NewRun run) {
        ObjectNode body = MAPPER.createObjectNode();
        if (run.suiteId() > 0) {
            body.put("suite_id", run.suiteId());
        }
        body.put("name", run.name());
        if (!run.description().isEmpty()) {
            body.put("description", run.description());
        }
        run.milestoneId().ifPresent(m -> body.put("milestone_id", m));
        body.put("include_all", false);
        body.set("case_ids", ids(run.caseIds()));
        if (!run.refs().isEmpty()) {
            body.put("refs", run.refs());
        }
        if (!run.configIds().isEmpty()) {
            // An entry with configurations needs its runs listed, each with its config_ids (else 400).
            body.set("config_ids", ids(run.configIds()));
            ObjectNode one = body.putArray("runs").addObject();
            one.put("include_all", false);
            one.set("case_ids", ids(run.caseIds()));
            one.set("config_ids", ids(run.configIds()));
        }
        return body;
    }

    static ObjectNode planBody(NewPlan plan) {
        ObjectNode body = MAPPER.createObjectNode().put("name", plan.name());
        if (!plan.description().isEmpty()) {
            body.put("description", plan.description());
        }
        plan.milestoneId().ifPresent(m -> body.put("milestone_id", m));
        ArrayNode entries = body.putArray("entries");
        plan.entries().forEach(e -> entries.add(runBody(e)));
        return body;
    }

    static ObjectNode caseSelection(List<Long> caseIds) {
        ObjectNode body = MAPPER.createObjectNode().put("include_all", false);
        body.set("case_ids", ids(caseIds));
        return body;
    }

    static ObjectNode resultsBody(List<ResultEntry> results) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode array = body.putArray("results");
        for (ResultEntry r : results) {
            ObjectNode entry = array.addObject().put("case_id", r.caseId()).put("status_id", r.statusId());
            if (!r.comment().isEmpty()) {
                entry.put("comment", r.comment());
            }
            if (!r.elapsed().isEmpty()) {
                entry.put("elapsed", r.elapsed());
            }
            if (!r.version().isEmpty()) {
                entry.put("version", r.version());
            }
            putAll(entry, r.fields());
        }
        return body;
    }

    private static ArrayNode ids(List<Long> ids) {
        ArrayNode array = MAPPER.createArrayNode();
        ids.forEach(array::add);
        return array;
    }

    private static void putAll(ObjectNode body, Map<String, Object> fields) {
        fields.forEach((k, v) -> body.set(k, MAPPER.valueToTree(v)));
    }
}
