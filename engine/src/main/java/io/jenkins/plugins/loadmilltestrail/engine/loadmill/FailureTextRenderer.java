package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a flow-run detail ({@code GET /api/test-suites-runs/flows/{id}}) into the readable failure
 * text the SDK prints (API reference §8.2): per failed request a line with its label, method and URL
 * plus any request-level messages, then one "Expected … / Actual …" line per failed assertion; or
 * the flow's own error. Handles the two-part {@code {flow, afterEach}} result.
 */
final class FailureTextRenderer {
    /** Operator keys → the SDK's words; the first match in an assertion wins. */
    private static final Map<String, String> OPERATORS = new LinkedHashMap<>();

    static {
        OPERATORS.put("equals", "Equals");
        OPERATORS.put("notEquals", "Doesn't equal");
        OPERATORS.put("contains", "Contains");
        OPERATORS.put("notContains", "Doesn't contain");
        OPERATORS.put("matches", "Matches");
        OPERATORS.put("greater", "Greater than");
        OPERATORS.put("lesser", "Less than");
        OPERATORS.put("falsy", "Doesn't exist");
        OPERATORS.put("JSONSchema", "JSON Schema");
        OPERATORS.put("JSONContains", "JSON Contains");
        OPERATORS.put("XMLContains", "XML Contains");
        OPERATORS.put("AIVerify", "AI Verify");
    }

    private FailureTextRenderer() {}

    /** The failure text, or "" when the detail shows no failure at all. */
    static String render(JsonNode detail) {
        JsonNode result = detail.path("result");
        JsonNode redactable = detail.path("redactableResult");
        List<String> lines = new ArrayList<>();
        if (result.has("flow") || result.has("afterEach")) {
            JsonNode flow = result.path("flow");
            renderPart(flow, redactable.path("flow"), 0, lines);
            renderPart(result.path("afterEach"), redactable.path("afterEach"), flow.path("resolvedRequests").size(),
                    lines);
        } else {
            renderPart(result, redactable, 0, lines);
        }
        return String.join("\n", lines);
    }

    /**
     * @param offset index of this part's first request among all requests (after-each steps continue
     *     the flow's numbering)
     */
    private static void renderPart(JsonNode part, JsonNode redactable, int offset, List<String> lines) {
        JsonNode requests = part.path("resolvedRequests");
        TreeMap<Integer, JsonNode> failed = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : part.path("failures").properties()) {
            Integer index = integer(entry.getKey());
            if (index != null && entry.getValue().path("numFailures").asInt(0) > 0) {
                failed.put(index, entry.getValue());
            }
        }
        for (Map.Entry<Integer, JsonNode> entry : failed.entrySet()) {
            int global = entry.getKey();
            // Loadmill numbers after-each requests after the flow's; accept part-local keys too.
            int local = global - offset >= 0 && global - offset < requests.size() ? global - offset : global;
            renderRequest(global, requests.path(local), redactable.path(local), entry.getValue(), lines);
        }
        String error = errorText(part.get("err"));
        if (!error.isEmpty()) {
            lines.add(error);
        }
    }

    private static void renderRequest(int index, JsonNode request, JsonNode redactable, JsonNode failure,
            List<String> lines) {
        String label = request.path("description").asText("");
        StringBuilder header = new StringBuilder(label.isBlank() ? "Request #" + (index + 1) : label);
        String method = request.path("method").asText("");
        String url = request.path("url").asText("");
        if (!method.isEmpty() || !url.isEmpty()) {
            header.append(" - ").append((method + " " + url).trim());
        }
        TreeMap<Integer, Integer> assertions = new TreeMap<>();
        List<String> messages = new ArrayList<>();
        for (Iterator<String> it = failure.path("histogram").fieldNames(); it.hasNext(); ) {
            String key = it.next();
            Integer assertion = integer(key);
            if (assertion != null) {
                assertions.put(assertion, assertion);
            } else {
                messages.add(key);
            }
        }
        if (!messages.isEmpty()) {
            header.append(" => ").append(String.join("; ", messages));
        }
        lines.add(header.toString());
        for (int assertion : assertions.keySet()) {
            lines.add(assertionLine(assertion, request, redactable));
        }
    }

    private static String assertionLine(int index, JsonNode request, JsonNode redactable) {
        JsonNode assertion = request.path("assert").path(index);
        if (!assertion.isObject()) {
            return "Assertion #" + (index + 1) + " failed";
        }
        String check = assertion.path("check").asText("");
        String expected = "Exists";
        for (Map.Entry<String, String> operator : OPERATORS.entrySet()) {
            JsonNode value = assertion.get(operator.getKey());
            if (value != null) {
                expected = operator.getKey().equals("falsy") ? operator.getValue()
                        : operator.getValue() + " " + (value.isTextual() ? value.asText() : value.toString());
                break;
            }
        }
        return "Expected: " + check + " " + expected + " / Actual: " + actual(check, request, redactable);
    }

    /** The extracted value of {@code check}, or "null" like the SDK when it was not extracted. */
    private static String actual(String check, JsonNode request, JsonNode redactable) {
        for (JsonNode parameter : redactable.path("postParameters")) {
            JsonNode value = parameter.get(check);
            if (value != null) {
                return value.isTextual() ? value.asText() : value.toString();
            }
        }
        JsonNode status = request.path("response").path("status");
        if (check.equals("__status") && !status.isMissingNode() && !status.isNull()) {
            return status.asText();
        }
        return "null";
    }

    private static String errorText(JsonNode err) {
        if (err == null || err.isNull()) {
            return "";
        }
        if (err.isTextual()) {
            return err.asText().trim();
        }
        JsonNode message = err.get("message");
        return message != null && message.isTextual() ? message.asText().trim() : err.toString();
    }

    private static Integer integer(String key) {
        try {
            return Integer.valueOf(key.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
