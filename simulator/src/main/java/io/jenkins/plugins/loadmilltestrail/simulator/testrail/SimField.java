package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A custom case or result field; {@code name} without the "custom_" prefix. */
public record SimField(long id, String name, String label, int typeId, boolean active, List<SimFieldConfig> configs) {
    public SimField {
        configs = List.copyOf(configs);
    }

    public String systemName() {
        return "custom_" + name;
    }

    /** The context that applies to the project, if any. */
    public java.util.Optional<SimFieldConfig> configFor(long projectId) {
        return configs.stream().filter(c -> c.appliesTo(projectId)).findFirst();
    }

    public boolean requiredIn(long projectId) {
        return active && configs.stream().filter(c -> c.appliesTo(projectId)).findFirst()
                .map(SimFieldConfig::required).orElse(false);
    }
}
