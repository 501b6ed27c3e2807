package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.http.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks Loadmill settings before any call; every message names the field and the fix. */
final class LoadmillSettingsValidator {
    /** Loadmill ids are UUIDs; its own CLI rejects anything else. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private LoadmillSettingsValidator() {}

    static void validate(String baseUrl, String apiToken, String testPlanId, List<String> suiteIds,
            Integer parallel, Integer maxFlakyFlowRetries, Map<String, String> parameters,
            Duration pollInterval, Duration timeout) {
        normalizeBaseUrl(baseUrl);
        if (apiToken.isEmpty()) {
            throw new InvalidSettingsException("The Loadmill API token is missing: create one in Loadmill under "
                    + "Settings > Security.");
        }
        if (testPlanId.isEmpty() && suiteIds.isEmpty()) {
            throw new InvalidSettingsException(
                    "Nothing to run: give a Loadmill test plan id or at least one test suite id.");
        }
        if (!testPlanId.isEmpty() && !suiteIds.isEmpty()) {
            throw new InvalidSettingsException(
                    "Give either a Loadmill test plan id or test suite ids, not both.");
        }
        if (!testPlanId.isEmpty()) {
            requireUuid("test plan id", testPlanId);
        }
        Set<String> seen = new HashSet<>();
        for (String suiteId : suiteIds) {
            requireUuid("test suite id", suiteId);
            if (!seen.add(suiteId.toLowerCase(Locale.ROOT))) {
                throw new InvalidSettingsException("The Loadmill test suite id " + suiteId + " is listed twice.");
            }
        }
        if (parallel != null && (parallel < 1 || parallel > 12)) {
            throw new InvalidSettingsException("parallel must be between 1 and 12 (Loadmill runs at most 10-12 suites at once); got " + parallel + ".");
        }
        if (maxFlakyFlowRetries != null && maxFlakyFlowRetries < 0) {
            throw new InvalidSettingsException("maxFlakyFlowRetries must be 0 or more; got " + maxFlakyFlowRetries + ".");
        }
        for (String name : parameters.keySet()) {
            if (name == null || name.isBlank()) {
                throw new InvalidSettingsException("A Loadmill parameter has an empty name; write parameters as NAME=VALUE.");
            }
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new InvalidSettingsException("The poll interval must be positive; got " + Durations.human(pollInterval) + ".");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new InvalidSettingsException("The Loadmill timeout must be positive; got " + Durations.human(timeout) + ".");
        }
    }

    private static void requireUuid(String what, String value) {
        if (value.isEmpty()) {
            throw new InvalidSettingsException("The Loadmill " + what + " is blank.");
        }
        if (!UUID.matcher(value).matches()) {
            throw new InvalidSettingsException("The Loadmill " + what + " '" + value + "' is not a valid id: Loadmill ids "
                    + "are UUIDs like 6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f (copy it from the address of the plan or suite page).");
        }
    }

    /** The origin without a trailing slash or a trailing /api. */
    static String normalizeBaseUrl(String baseUrl) {
        String trimmed = baseUrl.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException("The Loadmill URL '" + Redaction.withoutUserInfo(trimmed)
                    + "' is not a valid URL; use e.g. "
                    + LoadmillSettings.DEFAULT_BASE_URL + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new InvalidSettingsException("The Loadmill URL '" + Redaction.withoutUserInfo(trimmed)
                    + "' must be an http(s) address without user info, query or fragment, e.g. "
                    + LoadmillSettings.DEFAULT_BASE_URL + ".");
        }
        String out = trimmed.replaceAll("/+$", "");
        if (out.endsWith("/api")) {
            out = out.substring(0, out.length() - 4);
        }
        return out;
    }
}
