package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * Body of add_run, or of one add_plan / add_plan_entry entry. Always sent with include_all=false
 * and exactly {@code caseIds}: TestRail's default (include_all=true) fills runs with untested cases.
 *
 * @param suiteId 0 to leave it out (single-suite projects)
 * @param refs references (comma-separated, at most 250 characters), or "" to leave them out
 * @param configIds for a plan entry: its one run's configurations (sent as the entry's config_ids and
 *     one element of runs), or empty; ignored by add_run
 */
public record NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds,
        String refs, List<Long> configIds) {
    public NewRun {
        caseIds = List.copyOf(caseIds);
        refs = refs == null ? "" : refs;
        configIds = List.copyOf(configIds);
    }

    /** A run or plan entry without references or configurations. */
    public NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds) {
        this(suiteId, name, description, milestoneId, caseIds, "", List.of());
    }

    /** A run or plan entry with references, without configurations. */
    public NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds,
            String refs) {
        this(suiteId, name, description, milestoneId, caseIds, refs, List.of());
    }

    /** A run or plan entry with configurations, without references. */
    public NewRun(long suiteId, String name, String description, OptionalLong milestoneId, List<Long> caseIds,
            List<Long> configIds) {
        this(suiteId, name, description, milestoneId, caseIds, "", configIds);
    }
}
