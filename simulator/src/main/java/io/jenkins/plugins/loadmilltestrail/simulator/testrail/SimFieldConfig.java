package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/**
 * One context of a custom field: global or for some projects, required or not, with a default.
 *
 * @param items a dropdown's or multi-select's options as TestRail writes them: one "id, label" per
 *     line ("" for other types)
 */
public record SimFieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue,
        String items) {
    public SimFieldConfig {
        projectIds = List.copyOf(projectIds);
        items = items == null ? "" : items;
    }

    public SimFieldConfig(boolean global, List<Long> projectIds, boolean required, String defaultValue) {
        this(global, projectIds, required, defaultValue, "");
    }

    public static SimFieldConfig globalConfig(boolean required, String defaultValue) {
        return new SimFieldConfig(true, List.of(), required, defaultValue);
    }

    /** The same context with options, e.g. {@code withItems("1, Staging", "2, Production")}. */
    public SimFieldConfig withItems(String... lines) {
        return new SimFieldConfig(global, projectIds, required, defaultValue, String.join("\n", lines));
    }

    /** The option ids of {@link #items}. */
    public List<Long> itemIds() {
        return items.lines().filter(line -> line.indexOf(',') > 0)
                .map(line -> line.substring(0, line.indexOf(',')).strip())
                .filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
    }

    public boolean appliesTo(long projectId) {
        return global || projectIds.contains(projectId);
    }
}
