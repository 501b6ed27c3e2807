package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** The answer was not TestRail JSON (an HTML login or proxy page): the URL is probably wrong. */
public final class TestRailUnexpectedResponseException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailUnexpectedResponseException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailUnexpectedResponseException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
