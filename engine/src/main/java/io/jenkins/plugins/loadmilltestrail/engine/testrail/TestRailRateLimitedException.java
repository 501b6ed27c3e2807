package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 429: TestRail kept rate limiting longer than the retry budget. */
public final class TestRailRateLimitedException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailRateLimitedException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailRateLimitedException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
