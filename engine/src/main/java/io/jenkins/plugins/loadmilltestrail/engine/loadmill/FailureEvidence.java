package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The evidence of a flow that did not pass, as plain text for a TestRail attachment: each failed
 * request of the flow-run detail ({@code resolvedRequests}, §8.2 of the Loadmill reference) with
 * its method, URL, headers and body, then the response's status, headers and body.
 *
 * <p>Limits, so that an upload stays small: headers whose name suggests a secret (Authorization,
 * Cookie, tokens, API keys, passwords, sessions, signatures) and URL query values with such names
 * are replaced by {@value #HIDDEN}; each body is cut at {@value #MAX_BODY} characters and the whole
 * text at {@value #MAX_TOTAL} characters.
 */
public final class FailureEvidence {
    /** Characters kept of one request or response body. */
    public static final int MAX_BODY = 32_768;
    /** Characters kept of the whole evidence of one flow. */
    public static final int MAX_TOTAL = 131_072;
    static final String HIDDEN = "[hidden]";
    private static final Pattern SECRET = Pattern.compile(
            "(?i).*(auth|token|secret|passw|cookie|session|api[-_]?key|apikey|signature|credential|private).*");

    private FailureEvidence() {}

    /** The evidence text, or "" when the detail names no failed request. */
    public static String render(JsonNode detail) {
        JsonNode result = detail.path("result");
        List<String> parts = new ArrayList<>();
        if (result.has("flow") || result.has("afterEach")) {
            JsonNode flow = result.path("flow");
            part(flow, 0, parts);
            part(result.path("afterEach"), flow.path("resolvedRequests").size(), parts);
        } else {
            part(result, 0, parts);
        }
        if (parts.isEmpty()) {
            return "";
        }
        String text = "Loadmill: the failed request(s) of this flow run and their responses. Secret headers are "
                + "hidden; bodies are cut at " + MAX_BODY + " characters.\n\n" + String.join("\n\n", parts) + "\n";
        return text.length() <= MAX_TOTAL ? text
                : text.substring(0, MAX_TOTAL - 40) + "\n… (cut at " + MAX_TOTAL + " characters)\n";
    }

    private static void part(JsonNode part, int offset, List<String> parts) {
        JsonNode requests = part.path("resolvedRequests");
        TreeSet<Integer> failed = new TreeSet<>();
        for (Map.Entry<String, JsonNode> entry : part.path("failures").properties()) {
            try {
                if (entry.getValue().path("numFailures").asInt(0) > 0) {
                    failed.add(Integer.valueOf(entry.getKey().trim()));
                }
            } catch (NumberFormatException notAnIndex) {
                // not a request index
            }
        }
        for (int global : failed) {
            int local = global - offset >= 0 && global - offset < requests.size() ? global - offset : global;
            JsonNode request = requests.path(local);
            if (request.isObject()) {
                parts.add(request(global, request));
            }
        }
    }

    private static String request(int index, JsonNode request) {
        StringBuilder out = new StringBuilder();
        String label = request.path("description").asText("");
        out.append("=== Request #").append(index + 1).append(label.isBlank() ? "" : ": " + label).append(" ===\n");
        out.append((request.path("method").asText("") + " " + url(request.path("url").asText(""))).trim()).append('\n');
        headers(request.path("headers"), out);
        body(request.path("postData"), out);
        JsonNode response = request.path("response");
        if (response.isObject()) {
            out.append("\n--- Response: ").append(response.path("status").asText("?"));
            String statusText = response.path("statusText").asText("");
            out.append(statusText.isBlank() ? "" : " " + statusText).append(" ---\n");
            headers(response.path("headers"), out);
            body(response.path("text"), out);
        } else {
            out.append("\n--- No response ---\n");
        }
        return out.toString().stripTrailing();
    }

    /** Headers as Loadmill gives them: an array of {name, value} or an object of name → value. */
    private static void headers(JsonNode headers, StringBuilder out) {
        if (headers.isArray()) {
            for (JsonNode h : headers) {
                header(h.path("name").asText(""), h.path("value").asText(""), out);
            }
        } else if (headers.isObject()) {
            headers.properties().forEach(e -> header(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                    : e.getValue().toString(), out));
        }
    }

    private static void header(String name, String value, StringBuilder out) {
        if (!name.isBlank()) {
            out.append(name).append(": ").append(SECRET.matcher(name).matches() ? HIDDEN : value).append('\n');
        }
    }

    private static void body(JsonNode body, StringBuilder out) {
        String text = body.isMissingNode() || body.isNull() ? ""
                : body.isTextual() ? body.asText()
                : body.has("text") ? body.path("text").asText("") : body.toString();
        if (text.isEmpty()) {
            return;
        }
        out.append('\n').append(text.length() <= MAX_BODY ? text
                : text.substring(0, MAX_BODY) + "\n… (body cut at " + MAX_BODY + " of " + text.length() + " characters)")
                .append('\n');
    }

    /** The URL with the values of secret-looking query parameters hidden. */
    static String url(String url) {
        int query = url.indexOf('?');
        if (query < 0) {
            return url;
        }
        StringBuilder out = new StringBuilder(url.substring(0, query + 1));
        String[] pairs = url.substring(query + 1).split("&", -1);
        for (int i = 0; i < pairs.length; i++) {
            int eq = pairs[i].indexOf('=');
            String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
            out.append(i == 0 ? "" : "&").append(eq >= 0 && SECRET.matcher(name).matches() ? name + "=" + HIDDEN : pairs[i]);
        }
        return out.toString();
    }
}
