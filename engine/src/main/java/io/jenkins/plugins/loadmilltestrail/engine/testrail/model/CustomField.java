package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;
import java.util.Optional;

/**
 * A case or result field from get_case_fields / get_result_fields.
 *
 * @param systemName e.g. "custom_preconds"
 * @param typeId TestRail's field type (1 String, 3 Text, 5 Checkbox, 6 Dropdown, ...)
 */
public record CustomField(long id, String systemName, String label, int typeId, boolean active,
        List<FieldConfig> configs) {
    public CustomField {
        configs = List.copyOf(configs);
    }

    /** The config that applies to the project, if any. */
    public Optional<FieldConfig> configFor(long projectId) {
        return configs.stream().filter(c -> c.appliesTo(projectId)).findFirst();
    }

    public boolean requiredIn(long projectId) {
        return active && configFor(projectId).map(FieldConfig::required).orElse(false);
    }
}
