package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A plan entry: a GUID id and the runs it holds (one per entry here: configurations are not modelled). */
public record SimPlanEntry(String id, long planId, long suiteId, String name, List<Long> runIds) {
    public SimPlanEntry {
        runIds = List.copyOf(runIds);
    }
}
