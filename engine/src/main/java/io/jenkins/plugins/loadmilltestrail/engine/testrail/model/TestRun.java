package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * A TestRail run (possibly inside a plan).
 *
 * @param configIds the configurations of a plan run (empty for runs without)
 */
public record TestRun(long id, long projectId, long suiteId, String name, boolean completed, OptionalLong planId,
        String entryId, String url, List<Long> configIds) {
    public TestRun {
        configIds = List.copyOf(configIds);
    }

    /** A run without configurations. */
    public TestRun(long id, long projectId, long suiteId, String name, boolean completed, OptionalLong planId,
            String entryId, String url) {
        this(id, projectId, suiteId, name, completed, planId, entryId, url, List.of());
    }
}
