package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A recorded launch request, so tests can assert what a client sent.
 *
 * @param target "test-plan" or "test-suite"
 * @param definitionId the plan or suite id in the path
 * @param runId the run id answered, "" when the launch was refused
 * @param authScheme "Basic" or "Bearer"
 * @param body the JSON body as plain Java values (maps, lists, strings, numbers, booleans)
 */
public record Launch(String target, String definitionId, String runId, String authScheme, Map<String, Object> body) {

    public Launch {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(definitionId, "definitionId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(authScheme, "authScheme");
        // Not Map.copyOf: JSON nulls (e.g. "labels": null) must be kept.
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** True when the body has this field (even if null). */
    public boolean has(String field) {
        return body.containsKey(field);
    }

    /** A field's value. */
    public Optional<Object> field(String field) {
        return Optional.ofNullable(body.get(field));
    }

    /** A string-list field (labels, tags), empty if absent. */
    @SuppressWarnings("unchecked")
    public List<String> list(String field) {
        Object value = body.get(field);
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** {@code overrideParameters}, empty if absent. */
    @SuppressWarnings("unchecked")
    public Map<String, String> overrideParameters() {
        Object value = body.get("overrideParameters");
        return value instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }
}
