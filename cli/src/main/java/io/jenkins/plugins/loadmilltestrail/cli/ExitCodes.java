package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;

/** The exit codes scripts rely on (documented in docs/cli.md). */
public final class ExitCodes {
    /** Every flow passed and every result was published (or, for plan, the plan was made). */
    public static final int OK = 0;
    /** Some flow did not pass; its results were published. */
    public static final int FLOWS_FAILED = 1;
    /** Bad usage or configuration. */
    public static final int USAGE = 2;
    /** Loadmill failed, refused, or the run timed out. */
    public static final int LOADMILL = 3;
    /** TestRail failed or refused; the collected results are kept in the results file. */
    public static final int TESTRAIL = 4;
    /** A bug: an unexpected error. */
    public static final int INTERNAL = 70;
    /** Interrupted (Ctrl-C). */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}

    public static int of(EngineException.Kind kind) {
        return switch (kind) {
            case CONFIGURATION -> USAGE;
            case LOADMILL -> LOADMILL;
            case TESTRAIL -> TESTRAIL;
        };
    }
}
