package io.jenkins.plugins.loadmilltestrail.engine.testrail;

/** 409: TestRail Cloud was in maintenance for longer than the retry budget. */
public final class TestRailMaintenanceException extends TestRailException {
    private static final long serialVersionUID = 1L;

    public TestRailMaintenanceException(String message, int httpStatus, String serverError) {
        super(message, httpStatus, serverError);
    }

    public TestRailMaintenanceException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, httpStatus, serverError, cause);
    }
}
