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

    /** The interruption's message, as printed (an {@link InterruptedException}'s own says where it hit, e.g. "sleep interrupted"). */
    static final String INTERRUPTED = "Interrupted.";

    /** What the failure is called on the console and in the summary file. */
    static String message(Throwable failure) {
        if (failure instanceof EngineException e) {
            return e.getMessage();
        }
        return failure instanceof InterruptedException ? INTERRUPTED : String.valueOf(failure);
    }

    static int report(Throwable failure, PrintWriter err, boolean verbose) {
        if (failure instanceof EngineException e) {
            err.println("error: " + message(e));
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
            err.println(message(failure));
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
        err.println("error: internal error, a bug (please report it with this output): " + failure);
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
