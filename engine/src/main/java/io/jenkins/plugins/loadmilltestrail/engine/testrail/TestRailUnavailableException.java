package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** TestRail could not be reached, or kept failing (5xx), longer than the retry budget. */
public final class TestRailUnavailableException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailUnavailableException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailUnavailableException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
