package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One API call as TestRail routes it: {@code index.php?/api/v2/<method>/<id>/<id2>&k=v}. Parsed
 * from the URL first (faults are chosen by method name); body and user are added once the
 * request got past authentication, before it reaches the endpoints.
 *
 * @param rawFilters the {@code &k=v} part as sent, without limit and offset (for next links)
 */
record ApiRequest(String httpMethod, String method, List<String> ids, Map<String, String> params, String rawFilters,
        JsonNode body, SimUser user) {

    /** Parses the raw query ("/api/v2/get_cases/1&suite_id=2"); empty when it is not an API path. */
    static Optional<ApiRequest> parse(String httpMethod, String rawQuery) {
        if (rawQuery == null || !rawQuery.startsWith("/api/v2/")) {
            return Optional.empty();
        }
        String[] parts = rawQuery.substring("/api/v2/".length()).split("&");
        // Path segments arrive percent-encoded where they hold '/', '&' or '#' (plan entry ids).
        List<String> path = Arrays.stream(parts[0].split("/"))
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8)).toList();
        Map<String, String> params = new LinkedHashMap<>();
        StringBuilder filters = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            String value = eq < 0 ? "" : URLDecoder.decode(parts[i].substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
            if (!key.equals("limit") && !key.equals("offset")) {
                filters.append('&').append(parts[i]);
            }
        }
        return Optional.of(new ApiRequest(httpMethod, path.get(0), path.subList(1, path.size()), params,
                filters.toString(), MissingNode.getInstance(), null));
    }

    ApiRequest with(JsonNode requestBody, SimUser who) {
        return new ApiRequest(httpMethod, method, ids, params, rawFilters, requestBody, who);
    }

    /** The {@code index}-th path id, named {@code field} in errors. */
    long id(int index, String field) {
        if (ids.size() <= index || ids.get(index).isBlank()) {
            throw ApiError.badRequest("Field :" + field + " is a required field.");
        }
        return number(ids.get(index), field);
    }

    String idText(int index, String field) {
        if (ids.size() <= index || ids.get(index).isBlank()) {
            throw ApiError.badRequest("Field :" + field + " is a required field.");
        }
        return ids.get(index);
    }

    /** A numeric query parameter, 0 when absent. */
    long param(String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? 0 : number(value, name);
    }

    private static long number(String text, String field) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("Field :" + field + " is not a valid ID.");
        }
    }
}
