package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import java.util.List;

/**
 * The run did not finish within the configured timeout. The runner has tried to stop what was
 * still running; {@link #stoppedSuiteRunIds()} says which suite runs it stopped.
 */
public final class LoadmillTimeoutException extends LoadmillException {
    private static final long serialVersionUID = 1L;

    private final List<String> stoppedSuiteRunIds;

    public LoadmillTimeoutException(String message, List<String> stoppedSuiteRunIds) {
        super(message);
        this.stoppedSuiteRunIds = List.copyOf(stoppedSuiteRunIds);
    }

    /** Ids of the suite runs stopped after the timeout (empty when none could be stopped). */
    public List<String> stoppedSuiteRunIds() {
        return stoppedSuiteRunIds;
    }
}
