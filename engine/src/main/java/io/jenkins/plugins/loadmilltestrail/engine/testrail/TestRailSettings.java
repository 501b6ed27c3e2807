package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits;
import io.jenkins.plugins.loadmilltestrail.engine.http.Redaction;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach TestRail. {@link #toString()} never shows the API key, nor user info in the URL.
 *
 * @param baseUrl the TestRail address, with or without a trailing slash, possibly under a
 *     sub-path (https://host/testrail/); the client appends index.php?/api/v2/
 * @param user the TestRail login (usually the email)
 * @param apiKey an API key (My Settings > API Keys) or the password
 * @param requestsPerMinute client-side limit shared by all clients for this host in the JVM
 * @param connectTimeout see {@link HttpLimits#connectTimeout()}
 * @param readTimeout see {@link HttpLimits#readTimeout()}
 * @param maxRetryWait the most one API call may spend retrying once its first attempt failed:
 *     waiting (Retry-After, backoff) and the later attempts together
 * @param callTimeout the deadline of one attempt, see {@link HttpLimits#callTimeout()}
 * @param maxResponseBytes the largest answer read, see {@link HttpLimits#maxResponseBytes()}
 */
public record TestRailSettings(
        String baseUrl,
        String user,
        String apiKey,
        int requestsPerMinute,
        Duration connectTimeout,
        Duration readTimeout,
        Duration maxRetryWait,
        Duration callTimeout,
        long maxResponseBytes) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 180;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = HttpLimits.DEFAULT_CONNECT_TIMEOUT;
    public static final Duration DEFAULT_READ_TIMEOUT = HttpLimits.DEFAULT_READ_TIMEOUT;
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_CALL_TIMEOUT = HttpLimits.DEFAULT_CALL_TIMEOUT;
    public static final long DEFAULT_MAX_RESPONSE_BYTES = HttpLimits.DEFAULT_MAX_RESPONSE_BYTES;

    public TestRailSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /** Settings with default limits and timeouts; validates the three required values. */
    public static TestRailSettings of(String baseUrl, String user, String apiKey) {
        return new TestRailSettings(baseUrl == null ? "" : baseUrl.trim(), user == null ? "" : user.trim(),
                apiKey == null ? "" : apiKey.trim(), DEFAULT_REQUESTS_PER_MINUTE, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, DEFAULT_MAX_RETRY_WAIT, DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES).validated();
    }

    public TestRailSettings withRequestsPerMinute(int value) {
        return new TestRailSettings(baseUrl, user, apiKey, value, connectTimeout, readTimeout, maxRetryWait,
                callTimeout, maxResponseBytes).validated();
    }

    public TestRailSettings withTimeouts(Duration connect, Duration read) {
        return new TestRailSettings(baseUrl, user, apiKey, requestsPerMinute, connect, read, maxRetryWait,
                callTimeout, maxResponseBytes).validated();
    }

    public TestRailSettings withMaxRetryWait(Duration value) {
        return new TestRailSettings(baseUrl, user, apiKey, requestsPerMinute, connectTimeout, readTimeout, value,
                callTimeout, maxResponseBytes).validated();
    }

    public TestRailSettings withCallTimeout(Duration value) {
        return new TestRailSettings(baseUrl, user, apiKey, requestsPerMinute, connectTimeout, readTimeout, maxRetryWait,
                value, maxResponseBytes).validated();
    }

    public TestRailSettings withMaxResponseBytes(long value) {
        return new TestRailSettings(baseUrl, user, apiKey, requestsPerMinute, connectTimeout, readTimeout, maxRetryWait,
                callTimeout, value).validated();
    }

    /** The timeouts and answer size of every call. */
    public HttpLimits httpLimits() {
        return new HttpLimits(connectTimeout, readTimeout, callTimeout, maxResponseBytes);
    }

    /** Checks what can be checked offline; messages name the setting. */
    public TestRailSettings validated() {
        if (baseUrl.isBlank()) {
            throw new InvalidSettingsException("The TestRail URL is missing: the address TestRail is opened at, "
                    + "e.g. https://example.testrail.io/.");
        }
        TestRailUrls.parseBase(baseUrl);
        if (user.isBlank()) {
            throw new InvalidSettingsException("The TestRail user is missing: the TestRail login, usually an email.");
        }
        if (apiKey.isBlank()) {
            throw new InvalidSettingsException("The TestRail API key is missing: create one in TestRail under "
                    + "My Settings > API Keys (press Save Settings).");
        }
        if (requestsPerMinute < 1) {
            throw new InvalidSettingsException("TestRail requests per minute must be at least 1; got " + requestsPerMinute + ".");
        }
        if (maxRetryWait.isNegative()) {
            throw new InvalidSettingsException("The TestRail maximum retry wait must not be negative; got " + Durations.human(maxRetryWait) + ".");
        }
        httpLimits().validated("TestRail");
        return this;
    }

    @Override
    public String toString() {
        return "TestRailSettings[baseUrl=" + Redaction.withoutUserInfo(baseUrl) + ", user=" + user + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
