package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.Map;
import java.util.Optional;

/**
 * Body of add_case.
 *
 * @param fields extra fields sent as they are (e.g. "custom_preconds" → "…", "type_id" → 3); values
 *     must be JSON-compatible (String, Number, Boolean, List)
 */
public record NewCase(String title, Optional<Integer> templateId, Optional<Integer> typeId,
        Optional<Integer> priorityId, Map<String, Object> fields) {
    public NewCase {
        fields = Map.copyOf(fields);
    }

    public static NewCase titled(String title) {
        return new NewCase(title, Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
    }
}
