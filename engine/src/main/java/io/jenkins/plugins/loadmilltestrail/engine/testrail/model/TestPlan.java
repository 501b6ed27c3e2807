package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;

public record TestPlan(long id, long projectId, String name, boolean completed, String url, List<PlanEntry> entries) {
    public TestPlan {
        entries = List.copyOf(entries);
    }
}
