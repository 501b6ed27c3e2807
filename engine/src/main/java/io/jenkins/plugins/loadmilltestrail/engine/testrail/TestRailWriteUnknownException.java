package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** A write failed after it may have reached TestRail, and checking could not tell whether it took effect; it was not repeated. */
public final class TestRailWriteUnknownException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailWriteUnknownException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailWriteUnknownException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
