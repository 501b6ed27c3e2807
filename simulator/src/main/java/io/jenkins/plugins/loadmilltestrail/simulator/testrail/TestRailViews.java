package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The JSON TestRail returns for each entity (the fields clients read, as TestRail names them). */
final class TestRailViews {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestRailStore store;
    private final String base;

    /** @param base the web root with a trailing slash, for the url fields */
    TestRailViews(TestRailStore store, String base) {
        this.store = store;
        this.base = base;
    }

    ObjectNode project(SimProject p) {
        return MAPPER.createObjectNode().put("id", p.id()).put("name", p.name()).put("announcement", "")
                .put("show_announcement", false).put("is_completed", p.completed()).putNull("completed_on")
                .put("suite_mode", p.suiteMode()).put("url", base + "index.php?/projects/overview/" + p.id());
    }

    ObjectNode suite(SimSuite s) {
        return MAPPER.createObjectNode().put("id", s.id()).put("name", s.name()).put("description", s.description())
                .put("project_id", s.projectId()).put("is_master", s.master()).put("is_baseline", false)
                .put("is_completed", s.completed()).putNull("completed_on")
                .put("url", base + "index.php?/suites/view/" + s.id());
    }

    ObjectNode section(SimSection s) {
        ObjectNode node = MAPPER.createObjectNode().put("id", s.id()).put("suite_id", s.suiteId()).put("name", s.name())
                .put("description", s.description().isEmpty() ? null : s.description());
        if (s.parentId() == 0) {
            node.putNull("parent_id");
        } else {
            node.put("parent_id", s.parentId());
        }
        return node.put("display_order", s.displayOrder()).put("depth", s.depth());
    }

    ObjectNode testCase(SimCase c) {
        ObjectNode node = MAPPER.createObjectNode().put("id", c.id()).put("title", c.title())
                .put("section_id", c.sectionId()).put("suite_id", c.suiteId()).put("template_id", 1).put("type_id", 7)
                .put("priority_id", 2).putNull("milestone_id").putNull("refs").put("display_order", c.displayOrder())
                .put("is_deleted", 0).put("created_on", c.createdOn()).put("updated_on", c.updatedOn());
        putAll(node, c.fields());
        return node;
    }

    ObjectNode field(SimField f) {
        ObjectNode node = MAPPER.createObjectNode().put("id", f.id()).put("name", f.name())
                .put("system_name", f.systemName()).put("label", f.label()).put("type_id", f.typeId())
                .put("is_active", f.active()).put("include_all", true).put("display_order", f.id());
        var configs = node.putArray("configs");
        for (SimFieldConfig c : f.configs()) {
            ObjectNode config = configs.addObject().put("id", "c" + f.id());
            ObjectNode context = config.putObject("context").put("is_global", c.global());
            if (c.global()) {
                context.putNull("project_ids");
            } else {
                var ids = context.putArray("project_ids");
                c.projectIds().forEach(ids::add);
            }
            ObjectNode options = config.putObject("options").put("is_required", c.required())
                    .put("default_value", c.defaultValue());
            if (!c.items().isEmpty()) {
                options.put("items", c.items());
            }
        }
        return node;
    }

    ObjectNode status(SimStatus s) {
        return MAPPER.createObjectNode().put("id", s.id()).put("name", s.name()).put("label", s.label())
                .put("is_system", s.system()).put("is_untested", s.untested()).put("is_final", s.id() == 1 || s.id() == 5);
    }

    ObjectNode milestone(SimMilestone m) {
        return MAPPER.createObjectNode().put("id", m.id()).put("name", m.name()).put("project_id", m.projectId())
                .put("is_completed", m.completed()).put("url", base + "index.php?/milestones/view/" + m.id());
    }

    ObjectNode user(SimUser u) {
        return MAPPER.createObjectNode().put("id", u.id()).put("name", u.name()).put("email", u.email())
                .put("is_active", true).put("role_id", 1);
    }

    ObjectNode run(SimRun r) {
        ObjectNode node = MAPPER.createObjectNode().put("id", r.id()).put("suite_id", r.suiteId()).put("name", r.name())
                .put("description", r.description());
        idOrNull(node, "milestone_id", r.milestoneId());
        node.put("include_all", r.includeAll()).put("is_completed", r.completed()).put("project_id", r.projectId());
        idOrNull(node, "plan_id", r.planId());
        if (!r.entryId().isEmpty()) {
            node.put("entry_id", r.entryId()).put("entry_index", 1);
        }
        String refs = store.extras.refs(r.id());
        node.put("refs", refs.isEmpty() ? null : refs);
        List<Long> configIds = store.runConfigs(r.id());
        var configs = node.putArray("config_ids");
        configIds.forEach(configs::add);
        String config = configIds.stream().map(id -> store.config(r.projectId(), id).map(SimConfigGroup.SimConfig::name)
                .orElse("")).collect(java.util.stream.Collectors.joining(", "));
        if (config.isEmpty()) {
            node.putNull("config");
        } else {
            node.put("config", config);
        }
        List<SimTest> tests = store.tests(r.id());
        String[] counts = {"", "passed_count", "blocked_count", "untested_count", "retest_count", "failed_count"};
        for (int status = 1; status <= 5; status++) {
            int s = status;
            node.put(counts[status], tests.stream().filter(t -> t.statusId() == s).count());
        }
        for (int custom = 1; custom <= 7; custom++) {
            int s = 5 + custom;
            node.put("custom_status" + custom + "_count", tests.stream().filter(t -> t.statusId() == s).count());
        }
        return node.put("url", base + "index.php?/runs/view/" + r.id());
    }

    ObjectNode planEntry(SimPlanEntry e) {
        ObjectNode node = MAPPER.createObjectNode().put("id", e.id()).put("suite_id", e.suiteId()).put("name", e.name());
        var configIds = node.putArray("config_ids");
        store.entryConfigs(e.id()).forEach(configIds::add);
        var runs = node.putArray("runs");
        e.runIds().forEach(id -> store.run(id).ifPresent(r -> runs.add(run(r))));
        return node;
    }

    ObjectNode configGroup(SimConfigGroup g) {
        ObjectNode node = MAPPER.createObjectNode().put("id", g.id()).put("name", g.name()).put("project_id", g.projectId());
        var configs = node.putArray("configs");
        g.configs().forEach(c -> configs.addObject().put("id", c.id()).put("group_id", c.groupId()).put("name", c.name()));
        return node;
    }

    /** get_plans leaves the entries out. */
    ObjectNode plan(SimPlan p, boolean withEntries) {
        ObjectNode node = MAPPER.createObjectNode().put("id", p.id()).put("name", p.name())
                .put("description", p.description());
        idOrNull(node, "milestone_id", p.milestoneId());
        node.put("is_completed", p.completed()).put("project_id", p.projectId())
                .put("url", base + "index.php?/plans/view/" + p.id());
        if (withEntries) {
            var entries = node.putArray("entries");
            p.entries().forEach(e -> entries.add(planEntry(e)));
        }
        return node;
    }

    ObjectNode test(SimTest t) {
        String title = store.testCase(t.caseId()).map(SimCase::title).orElse("");
        return MAPPER.createObjectNode().put("id", t.id()).put("case_id", t.caseId()).put("run_id", t.runId())
                .put("status_id", t.statusId()).put("title", title);
    }

    ObjectNode result(SimResult r) {
        ObjectNode node = MAPPER.createObjectNode().put("id", r.id()).put("test_id", r.testId())
                .put("status_id", r.statusId());
        textOrNull(node, "comment", r.comment());
        textOrNull(node, "version", r.version());
        textOrNull(node, "elapsed", r.elapsed());
        idOrNull(node, "assignedto_id", store.extras.assignee(r.id()));
        var attachmentIds = node.putArray("attachment_ids");
        store.extras.attachments(r.id()).forEach(a -> attachmentIds.add(a.id()));
        putAll(node, r.fields());
        return node;
    }

    private static void idOrNull(ObjectNode node, String field, long id) {
        if (id == 0) {
            node.putNull(field);
        } else {
            node.put(field, id);
        }
    }

    private static void textOrNull(ObjectNode node, String field, String text) {
        if (text.isEmpty()) {
            node.putNull(field);
        } else {
            node.put(field, text);
        }
    }

    private static void putAll(ObjectNode node, Map<String, Object> fields) {
        fields.forEach((k, v) -> node.set(k, MAPPER.valueToTree(v)));
    }
}
