package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.engine.http.Redaction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to run in Loadmill and how to wait for it. Built with {@link #builder()}; {@link
 * Builder#build()} validates everything that can be checked without a network call and throws
 * {@link InvalidSettingsException} naming the field.
 *
 * @param baseUrl Loadmill origin without the /api prefix, e.g. https://app.loadmill.com
 * @param apiToken the API token (never printed)
 * @param testPlanId the test plan to run, or "" when running suites
 * @param suiteIds suites to run directly, empty when running a plan
 * @param parallel suites of a plan run concurrently, empty for Loadmill's default
 * @param maxFlakyFlowRetries re-run failed flows up to n times (plans only), empty for none
 * @param parameters parameter overrides, in the order given
 * @param httpLimits timeouts and the largest answer of each call to Loadmill
 */
public record LoadmillSettings(
        String baseUrl,
        String apiToken,
        String testPlanId,
        List<String> suiteIds,
        List<String> labels,
        String labelsExpression,
        String pool,
        Optional<Integer> parallel,
        String branch,
        List<String> tags,
        Map<String, String> parameters,
        boolean inlineParameterOverride,
        String additionalDescription,
        Optional<Integer> maxFlakyFlowRetries,
        Duration pollInterval,
        Duration timeout,
        HttpLimits httpLimits) {

    public static final String DEFAULT_BASE_URL = "https://app.loadmill.com";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    public LoadmillSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(testPlanId, "testPlanId");
        suiteIds = List.copyOf(suiteIds);
        labels = List.copyOf(labels);
        Objects.requireNonNull(labelsExpression, "labelsExpression");
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(parallel, "parallel");
        Objects.requireNonNull(branch, "branch");
        tags = List.copyOf(tags);
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(additionalDescription, "additionalDescription");
        Objects.requireNonNull(maxFlakyFlowRetries, "maxFlakyFlowRetries");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(httpLimits, "httpLimits");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The Loadmill address as the engine will use it (the origin without a trailing slash or
     * {@code /api}), checked without any network call; null or blank gives {@link
     * #DEFAULT_BASE_URL}, as in the builder.
     *
     * @throws InvalidSettingsException when it is not an http(s) URL without user info, query or
     *     fragment
     */
    public static String normalizeBaseUrl(String baseUrl) {
        return LoadmillSettingsValidator.normalizeBaseUrl(
                baseUrl == null || baseUrl.isBlank() ? DEFAULT_BASE_URL : baseUrl);
    }

    public boolean runsTestPlan() {
        return !testPlanId.isEmpty();
    }

    /** Never prints the token, nor user info in the URL. */
    @Override
    public String toString() {
        return "LoadmillSettings[baseUrl=" + Redaction.withoutUserInfo(baseUrl) + ", testPlanId=" + testPlanId + ", suiteIds=" + suiteIds + "]";
    }

    /** Mutable builder; every setter accepts null or blank as "not set". */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String apiToken = "";
        private String testPlanId = "";
        private final List<String> suiteIds = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private String labelsExpression = "";
        private String pool = "";
        private Integer parallel;
        private String branch = "";
        private final List<String> tags = new ArrayList<>();
        private final Map<String, String> parameters = new LinkedHashMap<>();
        private boolean inlineParameterOverride;
        private String additionalDescription = "";
        private Integer maxFlakyFlowRetries;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration timeout = DEFAULT_TIMEOUT;
        private HttpLimits httpLimits = HttpLimits.DEFAULTS;

        private Builder() {}

        public Builder baseUrl(String value) {
            this.baseUrl = value == null || value.isBlank() ? DEFAULT_BASE_URL : value.trim();
            return this;
        }

        public Builder apiToken(String value) {
            this.apiToken = value == null ? "" : value.trim();
            return this;
        }

        public Builder testPlanId(String value) {
            this.testPlanId = value == null ? "" : value.trim();
            return this;
        }

        public Builder suiteIds(List<String> values) {
            suiteIds.clear();
            if (values != null) {
                values.forEach(this::addSuiteId);
            }
            return this;
        }

        public Builder addSuiteId(String value) {
            suiteIds.add(value == null ? "" : value.trim());
            return this;
        }

        public Builder labels(List<String> values) {
            labels.clear();
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(labels::add);
            }
            return this;
        }

        public Builder labelsExpression(String value) {
            this.labelsExpression = value == null ? "" : value.trim();
            return this;
        }

        public Builder pool(String value) {
            this.pool = value == null ? "" : value.trim();
            return this;
        }

        public Builder parallel(Integer value) {
            this.parallel = value;
            return this;
        }

        public Builder branch(String value) {
            this.branch = value == null ? "" : value.trim();
            return this;
        }

        public Builder tags(List<String> values) {
            tags.clear();
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).forEach(tags::add);
            }
            return this;
        }

        public Builder parameter(String name, String value) {
            parameters.put(name, value == null ? "" : value);
            return this;
        }

        public Builder parameters(Map<String, String> values) {
            parameters.clear();
            if (values != null) {
                values.forEach(this::parameter);
            }
            return this;
        }

        public Builder inlineParameterOverride(boolean value) {
            this.inlineParameterOverride = value;
            return this;
        }

        public Builder additionalDescription(String value) {
            this.additionalDescription = value == null ? "" : value.trim();
            return this;
        }

        public Builder maxFlakyFlowRetries(Integer value) {
            this.maxFlakyFlowRetries = value;
            return this;
        }

        public Builder pollInterval(Duration value) {
            this.pollInterval = value == null ? DEFAULT_POLL_INTERVAL : value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value == null ? DEFAULT_TIMEOUT : value;
            return this;
        }

        /** The most a TCP connection to Loadmill may take to open (default 15 s; zero for no limit). */
        public Builder connectTimeout(Duration value) {
            httpLimits = httpLimits.withTimeouts(value == null ? HttpLimits.DEFAULT_CONNECT_TIMEOUT : value,
                    httpLimits.readTimeout());
            return this;
        }

        /** The most Loadmill may stay silent while answering (default 60 s; zero for no limit). */
        public Builder readTimeout(Duration value) {
            httpLimits = httpLimits.withTimeouts(httpLimits.connectTimeout(),
                    value == null ? HttpLimits.DEFAULT_READ_TIMEOUT : value);
            return this;
        }

        /** The deadline of one call to Loadmill, its answer included (default 2 min). */
        public Builder callTimeout(Duration value) {
            httpLimits = httpLimits.withCallTimeout(value == null ? HttpLimits.DEFAULT_CALL_TIMEOUT : value);
            return this;
        }

        /** The largest Loadmill answer read, in bytes (default 32 MiB). */
        public Builder maxResponseBytes(Long value) {
            httpLimits = httpLimits.withMaxResponseBytes(value == null ? HttpLimits.DEFAULT_MAX_RESPONSE_BYTES : value);
            return this;
        }

        /** Validates and builds. */
        public LoadmillSettings build() {
            LoadmillSettingsValidator.validate(this.baseUrl, apiToken, testPlanId, suiteIds, parallel,
                    maxFlakyFlowRetries, parameters, pollInterval, timeout);
            httpLimits.validated("Loadmill");
            return new LoadmillSettings(LoadmillSettingsValidator.normalizeBaseUrl(baseUrl), apiToken, testPlanId,
                    suiteIds, labels, labelsExpression, pool, Optional.ofNullable(parallel), branch, tags, parameters,
                    inlineParameterOverride, additionalDescription, Optional.ofNullable(maxFlakyFlowRetries),
                    pollInterval, timeout, httpLimits);
        }
    }
}
