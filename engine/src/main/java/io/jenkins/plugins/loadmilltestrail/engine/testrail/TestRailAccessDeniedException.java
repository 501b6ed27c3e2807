package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 403: the user may not see or change this project or entity. */
public final class TestRailAccessDeniedException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailAccessDeniedException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailAccessDeniedException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
