package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpExchange;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.Redaction;
import io.jenkins.plugins.loadmilltestrail.engine.http.ResponseTooLargeException;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns TestRail's refusals into typed exceptions whose messages say what to do. Messages name
 * the user, the base URL and the API method, never the API key or the Authorization header.
 */
final class TestRailErrors {
    private static final int PREVIEW = 200;

    private final String base;
    private final String user;
    private final int requestsPerMinute;
    private final Duration maxRetryWait;

    TestRailErrors(String base, String user, int requestsPerMinute, Duration maxRetryWait) {
        this.base = base;
        this.user = user;
        this.requestsPerMinute = requestsPerMinute;
        this.maxRetryWait = maxRetryWait;
    }

    /** A final (not retried, or retried too often) non-2xx answer. */
    TestRailException refused(String method, HttpExchange answer, int attempts) {
        int status = answer.status();
        String error = TestRailJson.errorText(answer.quotable());
        String said = error.isEmpty() ? "" : " TestRail said: " + error;
        if (status >= 300 && status < 400) {
            return redirected(method, answer);
        }
        return switch (status) {
            case 400 -> new TestRailBadRequestException("TestRail refused " + method + " (HTTP 400): "
                    + (error.isEmpty() ? answer.bodyPreview(PREVIEW) : error)
                    + ". Check the ids and names this job uses against TestRail.", status, error);
            case 401 -> new TestRailAuthenticationException("TestRail rejected the user '" + user + "' and its API key "
                    + "(HTTP 401 on " + method + "). Check the TestRail user (your login email) and the API key or password; "
                    + "a newly generated key only works after pressing Save Settings under My Settings > API Keys." + said,
                    status, error);
            case 403 -> isApiDisabled(error)
                    ? new TestRailApiDisabledException("The TestRail API is disabled on " + base + ". A TestRail administrator "
                            + "must enable it under Administration > Site Settings > API (Enable API)." + said, status, error)
                    : new TestRailAccessDeniedException("The TestRail user '" + user + "' is not allowed to do " + method
                            + " (HTTP 403): it has no access to the project, or its role lacks the permission. Ask a TestRail "
                            + "administrator to give this user access to the project (a role that can add runs and results), "
                            + "or use another project." + said, status, error);
            // A 404 with TestRail's own error text is TestRail speaking about this call: quote it.
            // Without one, the API itself was not found.
            case 404 -> error.isEmpty()
                    ? new TestRailUnknownMethodException("The server at " + base + " does not know the TestRail API "
                            + "method " + method + " (HTTP 404). Either the TestRail URL is wrong (use the address you open "
                            + "TestRail at, e.g. https://example.testrail.io/) or the TestRail server is too old (6.7 or "
                            + "newer is needed).", status, error)
                    : other(method, answer, status, error);
            case 409 -> new TestRailMaintenanceException("TestRail is undergoing maintenance (HTTP 409 on " + method
                    + ") and still was after " + attempts + " attempts within the maximum retry wait of "
                    + Durations.human(maxRetryWait) + ". Try again later, or raise the maximum retry wait." + said, status, error);
            case 413 -> new TestRailRequestTooLargeException("TestRail (or a proxy in front of it) refused " + method
                    + " because the request is too large (HTTP 413). Raise the request size limit of TestRail's web"
                    + " server or of the proxy in front of it.", status, error);
            case 429 -> new TestRailRateLimitedException("TestRail kept rate limiting this job (HTTP 429 on " + method + ") "
                    + "for longer than the maximum retry wait of " + Durations.human(maxRetryWait) + ". Lower the TestRail requests "
                    + "per minute setting (now " + requestsPerMinute + "), publish from fewer builds at once against "
                    + base + ", or raise the maximum retry wait." + said, status, error);
            default -> status >= 500
                    ? new TestRailUnavailableException("TestRail failed with HTTP " + status + " on " + method + " after "
                            + attempts + " attempt(s). TestRail or a proxy in front of it has problems; try again later."
                            + (error.isEmpty() ? " Answer: " + answer.bodyPreview(PREVIEW) : said), status, error)
                    : other(method, answer, status, error);
        };
    }

    private static TestRailException other(String method, HttpExchange answer, int status, String error) {
        return new TestRailException("TestRail answered HTTP " + status + " to " + method + ": "
                + (error.isEmpty() ? answer.bodyPreview(PREVIEW) : error)
                + ". Check the TestRail URL and the settings of this job.", status, error);
    }

    private TestRailException redirected(String method, HttpExchange answer) {
        // Only scheme, host and path of the target: its query may carry a login page's state.
        String target = answer.header("Location").map(l -> Redaction.withoutUserInfo(l.replaceAll("[?#].*$", "")))
                .orElse("another address");
        return new TestRailUnexpectedResponseException("The TestRail URL " + base + " redirects " + method + " (HTTP "
                + answer.status() + ") to " + target + ". Use the address TestRail is served at as the TestRail URL "
                + "(often https:// instead of http://, or the host without an extra path).", answer.status(), "");
    }

    /** No HTTP answer at all, after the retries allowed. */
    TestRailException unreachable(String method, IOException cause, int attempts) {
        return new TestRailUnavailableException("Could not reach TestRail at " + base + " (" + method + ", " + attempts
                + " attempt(s)): " + HttpTransport.describe(cause) + ". Check the TestRail URL, the network and the proxy settings.", 0, "", safeCause(cause));
    }

    /** An answer larger than the most one call reads. */
    TestRailException tooLarge(String method, ResponseTooLargeException e) {
        return new TestRailUnexpectedResponseException("The answer to " + method + " from " + base + " is too large: "
                + e.getMessage() + ". TestRail's answers are far smaller: a proxy or gateway may be answering in its "
                + "place, or the TestRail URL points elsewhere; check the TestRail URL. If TestRail really sends answers "
                + "this large, raise the maximum answer size.", 200, "", e);
    }

    /** A 2xx answer that is not TestRail JSON. */
    TestRailException notJson(String method, HttpExchange answer) {
        String type = answer.header("Content-Type").orElse("no content type");
        return new TestRailUnexpectedResponseException("The answer to " + method + " from " + base + " is not TestRail JSON "
                + "(HTTP " + answer.status() + ", " + type + "): '" + answer.bodyPreview(PREVIEW) + "'. The TestRail URL is "
                + "probably wrong: use the address you open TestRail at (e.g. https://example.testrail.io/), not a login "
                + "page, proxy or redirect target.", answer.status(), "");
    }

    /** A 2xx JSON answer that is not what TestRail sends for {@code method}; {@code detail} says what is wrong. */
    TestRailException unexpected(String method, String detail) {
        return new TestRailUnexpectedResponseException(notTestRails(method, detail), 200, "");
    }

    /** As {@link #unexpected}, for a write, which TestRail may have done all the same. */
    TestRailException unexpectedWrite(String method, String target, String detail) {
        return new TestRailUnexpectedResponseException(notTestRails(method, detail) + " TestRail may have done "
                + method + " for " + target + "; check " + target + " in TestRail before publishing again.", 200, "");
    }

    private String notTestRails(String method, String detail) {
        return "The answer to " + method + " from " + base + " is JSON but not what TestRail sends: " + detail
                + ". A proxy or gateway between this job and TestRail may be answering in its place, or the TestRail "
                + "URL points elsewhere: check the TestRail URL (the address you open TestRail at) and the proxy.";
    }

    /**
     * A write that may have taken effect: it was sent {@code sends} times, and each of the
     * {@code checks} times its outcome was unknown, reading TestRail back did not show it done.
     */
    TestRailException writeUnknown(String method, String target, String failure, int sends, int checks) {
        return new TestRailWriteUnknownException("TestRail may or may not have done " + method + " for " + target
                + ": " + failure + " after the request was sent. It was sent " + (sends == 1 ? "once" : sends + " times")
                + ", and TestRail was read back after each of the " + checks + " unknown outcome(s) without showing it "
                + "done; it was sent again only while the retry budget lasted (maximum retry wait of "
                + Durations.human(maxRetryWait) + ", checks included). The last request may still take effect. Check " + target
                + " in TestRail before publishing again.", 0, "");
    }

    /**
     * A write whose outcome is unknown and that checking found partly done ({@code found} says how
     * much): sending it again would store the found part twice, so it is not sent again.
     */
    TestRailException partlyFound(String method, String target, String found) {
        return new TestRailWriteUnknownException("TestRail may or may not have done " + method + " for " + target
                + ": after the request failed, " + found + ". It was not sent again, so that nothing is stored twice. "
                + "Check " + target + " in TestRail before publishing again.", 0, "");
    }

    static boolean isApiDisabled(String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        return lower.contains("api is disabled") || lower.contains("api has been disabled");
    }

    /** The cause without anything from the request; OkHttp's messages carry host and port only. */
    private static IOException safeCause(IOException cause) {
        IOException copy = new IOException(HttpTransport.describe(cause));
        copy.setStackTrace(cause.getStackTrace());
        return copy;
    }
}
