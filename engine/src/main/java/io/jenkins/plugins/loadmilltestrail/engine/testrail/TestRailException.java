package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;

/**
 * TestRail refused or failed. The message is user-ready (what happened and what to do) and never
 * contains the API key or an Authorization header. Subclasses distinguish cases callers act on.
 */
public class TestRailException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String serverError;

    /**
     * @param httpStatus the HTTP status, or 0 when no answer arrived
     * @param serverError TestRail's own {@code error} text, or ""
     */
    public TestRailException(String message, int httpStatus, String serverError) {
        super(message);
        this.httpStatus = httpStatus;
        this.serverError = serverError;
    }

    public TestRailException(String message, int httpStatus, String serverError, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.serverError = serverError;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** TestRail's {@code error} text as sent, or "". */
    public String serverError() {
        return serverError;
    }

    @Override
    public Kind kind() {
        return Kind.TESTRAIL;
    }
}
