package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 401: TestRail rejected the user and API key. */
public final class TestRailAuthenticationException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailAuthenticationException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailAuthenticationException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
