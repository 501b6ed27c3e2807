package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.Map;

/** A case; {@code fields} holds everything else add_case received (type_id, custom_*...), as JSON-like values. */
public record SimCase(long id, long projectId, long suiteId, long sectionId, String title, int displayOrder,
        Map<String, Object> fields) {
    public SimCase {
        fields = Map.copyOf(fields);
    }
}
