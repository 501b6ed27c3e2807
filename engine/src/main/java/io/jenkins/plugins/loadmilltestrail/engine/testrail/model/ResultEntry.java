package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.Map;

/**
 * One entry of add_results_for_cases.
 *
 * @param elapsed TestRail timespan such as "1m 5s", or "" to leave it out (TestRail rejects "0s")
 * @param version "" to leave it out
 * @param fields extra result fields (custom_*), JSON-compatible values
 */
public record ResultEntry(long caseId, int statusId, String comment, String elapsed, String version,
        Map<String, Object> fields) {
    public ResultEntry {
        fields = Map.copyOf(fields);
    }
}
