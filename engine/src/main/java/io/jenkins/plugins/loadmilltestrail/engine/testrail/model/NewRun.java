package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * Body of add_run, or of one add_plan / add_plan_entry entry. Always sent with include_all=false
 * and exactly {@code caseIds}: TestRail's default (include_all=true) fills runs with untested cases.
 *
 * @param suiteId 0 to leave it out (single-suite projects)
 * @param refs references (comma-separated, at most 250 characters), or "" to leave them out
 */
public record NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds,
        String refs) {
    public NewRun {
        caseIds = List.copyOf(caseIds);
        refs = refs == null ? "" : refs;
    }

    public NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds) {
        this(suiteId, name, description, milestoneId, caseIds, "");
    }
}
