package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;

/** One context of a custom field: global, or limited to projects. */
public record FieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue) {
    public FieldConfig {
        projectIds = List.copyOf(projectIds);
    }

    public boolean appliesTo(long projectId) {
        return global || projectIds.contains(projectId);
    }
}
