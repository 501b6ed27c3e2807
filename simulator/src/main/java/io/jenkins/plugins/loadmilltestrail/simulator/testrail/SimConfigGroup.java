package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A configuration group of a project (e.g. "Environment") with its configurations. */
public record SimConfigGroup(long id, long projectId, String name, List<SimConfig> configs) {
    public SimConfigGroup {
        configs = List.copyOf(configs);
    }

    /** One configuration (e.g. "Staging") of a group. */
    public record SimConfig(long id, long groupId, String name) {}
}
