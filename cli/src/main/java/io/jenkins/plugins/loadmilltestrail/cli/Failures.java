package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints why a command failed and chooses its exit code. Engine errors are one line meant for
 * users (their causes with --verbose); anything else is a bug and gets its stack trace.
 */
final class Failures {
    private Failures() {}

    static int report(Throwable failure, PrintWriter err, boolean verbose) {
        if (failure instanceof EngineException e) {
            err.println("error: " + e.getMessage());
            List<String> details = details(e);
            if (verbose) {
                details.forEach(detail -> err.println("  caused by: " + detail));
            } else if (!details.isEmpty()) {
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

    /** The causes that add something: a wrapper often repeats its cause's message. */
    private static List<String> details(EngineException e) {
        List<String> details = new ArrayList<>();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !e.getMessage().contains(cause.getMessage())) {
                details.add(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
        return details;
    }
}
