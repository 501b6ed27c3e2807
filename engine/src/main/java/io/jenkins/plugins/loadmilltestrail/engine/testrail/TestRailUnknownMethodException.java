package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 404: the server does not know the API method (too old, or not TestRail at this URL). */
public final class TestRailUnknownMethodException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailUnknownMethodException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailUnknownMethodException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
