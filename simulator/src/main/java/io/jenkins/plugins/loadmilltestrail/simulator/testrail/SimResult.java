package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.Map;

/** A stored result; {@code fields} holds its custom_* values and defects. Text left out is "". */
public record SimResult(long id, long runId, long testId, long caseId, int statusId, String comment, String version,
        String elapsed, Map<String, Object> fields) {
    public SimResult {
        fields = Map.copyOf(fields);
    }
}
