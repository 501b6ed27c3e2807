package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;

/**
 * One context of a custom field: global, or limited to projects.
 *
 * @param items the options of a dropdown or multi-select field as TestRail writes them, one
 *     "id, label" per line; "" for other types
 */
public record FieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue, String items) {
    public FieldConfig {
        projectIds = List.copyOf(projectIds);
        items = items == null ? "" : items;
    }

    /** A config without items (fields that are not dropdowns or multi-selects). */
    public FieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue) {
        this(global, projectIds, required, defaultValue, "");
    }

    public boolean appliesTo(long projectId) {
        return global || projectIds.contains(projectId);
    }
}
