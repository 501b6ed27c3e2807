package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/**
 * The answer is not TestRail's: not JSON (an HTML login or proxy page), a redirect, or JSON without
 * what TestRail sends for the call (a list without its list, an entity without its id). The URL
 * is probably wrong, or a proxy or gateway answers in TestRail's place.
 */
public final class TestRailUnexpectedResponseException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailUnexpectedResponseException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailUnexpectedResponseException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
