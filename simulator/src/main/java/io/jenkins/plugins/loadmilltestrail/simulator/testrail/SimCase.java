package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.Map;

/**
 * A case; {@code fields} holds everything else add_case received (type_id, custom_*...), as JSON-like values.
 * {@code createdOn} and {@code updatedOn} are UNIX timestamps (seconds) as TestRail gives them; an
 * edit (rename, move) sets {@code updatedOn}.
 */
public record SimCase(long id, long projectId, long suiteId, long sectionId, String title, int displayOrder,
        Map<String, Object> fields, long createdOn, long updatedOn) {
    public SimCase {
        fields = Map.copyOf(fields);
    }

    SimCase edited(long toSuiteId, long toSectionId, String newTitle, long at) {
        return new SimCase(id, projectId, toSuiteId, toSectionId, newTitle, displayOrder, fields, createdOn, at);
    }
}
