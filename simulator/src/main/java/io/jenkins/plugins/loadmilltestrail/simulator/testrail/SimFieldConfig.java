package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** One context of a custom field: global or for some projects, required or not, with a default. */
public record SimFieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue) {
    public SimFieldConfig {
        projectIds = List.copyOf(projectIds);
    }

    public static SimFieldConfig globalConfig(boolean required, String defaultValue) {
        return new SimFieldConfig(true, List.of(), required, defaultValue);
    }

    public boolean appliesTo(long projectId) {
        return global || projectIds.contains(projectId);
    }
}
