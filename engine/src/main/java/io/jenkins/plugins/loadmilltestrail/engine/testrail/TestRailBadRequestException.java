package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 400: TestRail refused the call; {@link #serverError()} holds its reason. */
public final class TestRailBadRequestException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailBadRequestException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailBadRequestException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
