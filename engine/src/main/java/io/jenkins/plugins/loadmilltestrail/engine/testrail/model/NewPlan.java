package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;
import java.util.OptionalLong;

/** Body of add_plan: one entry per TestRail suite. */
public record NewPlan(String name, String description, OptionalLong milestoneId, List<NewRun> entries) {
    public NewPlan {
        entries = List.copyOf(entries);
    }
}
