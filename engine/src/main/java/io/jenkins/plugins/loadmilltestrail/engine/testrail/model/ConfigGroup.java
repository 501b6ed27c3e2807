package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;

/** A configuration group of a project (get_configs), e.g. "Environment", with its configurations. */
public record ConfigGroup(long id, String name, List<Config> configs) {
    public ConfigGroup {
        configs = List.copyOf(configs);
    }

    /** One configuration, e.g. "Staging" of "Environment". */
    public record Config(long id, long groupId, String name) {}
}
