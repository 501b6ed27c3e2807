package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import java.nio.file.Path;

/**
 * Publishing failed after the Loadmill results were saved. Keeps the cause's kind (so exit codes
 * and build results stay right) and says where the results are; each front end words how to
 * publish them again (a command line, a "Publish again" button).
 */
public final class PublishFailedException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final Kind kind;
    private final transient Path resultsFile;
    private final transient CollectedResults collected;

    PublishFailedException(EngineException cause, Path resultsFile, CollectedResults collected) {
        super(cause.getMessage() + " The collected results are kept in " + resultsFile + ".", cause);
        this.kind = cause.kind();
        this.resultsFile = resultsFile;
        this.collected = collected;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The saved results file to publish from. */
    public Path resultsFile() {
        return resultsFile;
    }

    /** Why publishing failed, without the advice about the results file (front ends may word their own). */
    public String reason() {
        return getCause().getMessage();
    }

    /**
     * True when every collected flow passed (flaky included) and no suite failed as a whole: the
     * result the build would have had if publishing had worked, for front ends told that a
     * publishing error must not fail the build (the CLI's {@code --fail-on-publish-error false}).
     */
    public boolean allFlowsPassed() {
        return JobOutcome.allPassed(collected);
    }

    /** What Loadmill reported, for front ends that show it beside the TestRail error. */
    public CollectedResults collected() {
        return collected;
    }
}
