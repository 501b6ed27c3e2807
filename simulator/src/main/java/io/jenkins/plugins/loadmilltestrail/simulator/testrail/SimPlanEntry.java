package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A plan entry: a GUID id and the runs it holds (one per configuration combination, or one without configurations). */
public record SimPlanEntry(String id, long planId, long suiteId, String name, List<Long> runIds) {
    public SimPlanEntry {
        runIds = List.copyOf(runIds);
    }
}
