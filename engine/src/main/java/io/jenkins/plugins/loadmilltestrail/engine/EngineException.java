package io.jenkins.plugins.loadmilltestrail.engine;

/**
 * Base of every error the engine reports to a user. Its message is meant to be shown as it is:
 * one or two sentences saying what went wrong and what to do, never a secret.
 *
 * <p>{@link #kind()} lets front ends choose an exit code or build result without parsing text.
 */
public abstract class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Which side of the job failed; front ends map this to exit codes and build results. */
    public enum Kind {
        /** Bad input or configuration, found before or while talking to a service. Exit code 2. */
        CONFIGURATION,
        /** Loadmill failed, refused, or the run timed out. Exit code 3. */
        LOADMILL,
        /** TestRail failed or refused. Exit code 4. */
        TESTRAIL
    }

    protected EngineException(String message) {
        super(message);
    }

    protected EngineException(String message, Throwable cause) {
        super(message, cause);
    }

    public abstract Kind kind();
}
