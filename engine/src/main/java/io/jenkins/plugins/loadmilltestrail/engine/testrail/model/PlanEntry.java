package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;

/** A plan entry: id is a string GUID, distinct from run ids. */
public record PlanEntry(String id, long suiteId, String name, List<TestRun> runs) {
    public PlanEntry {
        runs = List.copyOf(runs);
    }
}
