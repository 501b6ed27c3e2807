package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A test plan with its entries. */
public record SimPlan(long id, long projectId, String name, String description, long milestoneId, boolean completed,
        List<SimPlanEntry> entries) {
    public SimPlan {
        entries = List.copyOf(entries);
    }
}
