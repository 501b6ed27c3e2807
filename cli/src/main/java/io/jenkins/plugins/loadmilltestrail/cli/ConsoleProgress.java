package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Prints progress: a line per phase, per finished suite and per retried call. While waiting for Loadmill it redraws
 * one indicator line on a terminal, and prints a plain line once a minute otherwise (CI logs).
 */
final class ConsoleProgress implements ProgressListener {
    private final PrintWriter out;
    private final boolean interactive;
    private final Verbosity verbosity;
    private int indicatorWidth;
    private long lastPlainMinute;

    ConsoleProgress(PrintWriter out, boolean interactive, Verbosity verbosity) {
        this.out = out;
        this.interactive = interactive;
        this.verbosity = verbosity;
    }

    @Override
    public synchronized void phase(String message) {
        if (verbosity != Verbosity.QUIET) {
            line(message);
        }
    }

    @Override
    public synchronized void info(String message) {
        if (verbosity == Verbosity.VERBOSE) {
            line("  " + message);
        }
    }

    @Override
    public synchronized void warn(String message) {
        line("  WARNING: " + message);
    }

    /** A retry explains a pause, so it is shown like a phase: always, unless quiet. */
    @Override
    public synchronized void retrying(RetryNotice retry) {
        if (verbosity != Verbosity.QUIET) {
            line("  " + retry.message());
        }
    }

    @Override
    public synchronized void suiteFinished(SuiteResult suite) {
        if (verbosity == Verbosity.QUIET) {
            return;
        }
        // The runner reports a suite before its flows are collected; count them only when present.
        long passed = suite.flows().stream().map(FlowResult::status).filter(JobOutcome::passes).count();
        String flows = suite.flows().isEmpty() ? "" : " (" + passed + " of " + suite.flows().size() + " flows passed)";
        String error = suite.error().isEmpty() ? "" : " - " + suite.error();
        line("  suite " + suite.name() + ": " + suite.status().value() + flows + error);
    }

    @Override
    public synchronized void waiting(Duration elapsed, int finishedSuites, int totalSuites) {
        if (verbosity == Verbosity.QUIET) {
            return;
        }
        String text = "  waiting for Loadmill: " + Elapsed.format(elapsed) + ", " + finishedSuites + " of " + totalSuites
                + " suites finished";
        if (interactive) {
            out.print("\r" + text + " ".repeat(Math.max(0, indicatorWidth - text.length())));
            out.flush();
            indicatorWidth = text.length();
        } else if (elapsed.toMinutes() > lastPlainMinute) {
            lastPlainMinute = elapsed.toMinutes();
            line(text);
        }
    }

    /** Prints a line, first wiping the indicator if one is shown. */
    private void line(String text) {
        if (indicatorWidth > 0) {
            out.print("\r" + " ".repeat(indicatorWidth) + "\r");
            indicatorWidth = 0;
        }
        out.println(text);
        out.flush();
    }
}
