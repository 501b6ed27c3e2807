package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import java.io.PrintWriter;

/**
 * Prints why a command failed and chooses its exit code. Engine errors are one line meant for
 * users (their causes with --verbose); anything else is a bug and gets its stack trace.
 */
final class Failures {
    private Failures() {}

    static int report(Throwable failure, PrintWriter err, boolean verbose) {
        if (failure instanceof EngineException e) {
            err.println("error: " + e.getMessage());
            if (verbose) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    err.println("  caused by: " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                }
            } else if (e.getCause() != null && e.kind() != EngineException.Kind.CONFIGURATION) {
                err.println("(run with --verbose for details)");
            }
            err.flush();
            return ExitCodes.of(e.kind());
        }
        if (failure instanceof InterruptedException) {
            err.println("Interrupted.");
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        err.println("internal error (please report it with this output): " + failure);
        failure.printStackTrace(err);
        err.flush();
        return ExitCodes.INTERNAL;
    }
}
