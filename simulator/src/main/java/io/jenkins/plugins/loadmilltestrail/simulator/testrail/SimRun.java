package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.List;

/** A run; {@code planId} 0 and {@code entryId} "" unless it belongs to a plan. {@code caseIds} in test order. */
public record SimRun(long id, long projectId, long suiteId, String name, String description, long milestoneId,
        boolean includeAll, boolean completed, long planId, String entryId, List<Long> caseIds) {
    public SimRun {
        caseIds = List.copyOf(caseIds);
    }

    SimRun withCases(boolean all, List<Long> cases) {
        return new SimRun(id, projectId, suiteId, name, description, milestoneId, all, completed, planId, entryId, cases);
    }

    SimRun closed() {
        return new SimRun(id, projectId, suiteId, name, description, milestoneId, includeAll, true, planId, entryId, caseIds);
    }
}
