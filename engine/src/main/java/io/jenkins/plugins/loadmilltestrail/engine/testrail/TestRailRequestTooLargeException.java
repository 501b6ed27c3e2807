package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 413: the request body was too large for the server. */
public final class TestRailRequestTooLargeException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailRequestTooLargeException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailRequestTooLargeException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
