package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 403 saying the API is disabled in TestRail's site settings. */
public final class TestRailApiDisabledException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailApiDisabledException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailApiDisabledException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
