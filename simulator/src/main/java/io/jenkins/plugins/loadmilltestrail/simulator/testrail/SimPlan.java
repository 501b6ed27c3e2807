package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A test plan with its entries. */
public record SimPlan(long id, long projectId, String name, String description, long milestoneId, boolean completed,
        List<SimPlanEntry> entries) {
    public SimPlan {
        entries = List.copyOf(entries);
    }

    public SimPlan withEntries(List<SimPlanEntry> value) {
        return new SimPlan(id, projectId, name, description, milestoneId, completed, value);
    }

    public SimPlan closed() {
        return new SimPlan(id, projectId, name, description, milestoneId, true, entries);
    }
}
