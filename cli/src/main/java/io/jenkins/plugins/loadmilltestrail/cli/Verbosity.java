package io.jenkins.plugins.loadmilltestrail.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** How much the CLI prints while it works. */
enum Verbosity {
    /**
     * Warnings, errors, the Loadmill and TestRail links, the flows that did not pass, the results
     * TestRail rejected, a dry run's plan, and the one-line result.
     */
    QUIET,
    /** Also a line per phase and per finished suite, and the summary. */
    NORMAL,
    /** Also detail lines and the causes of errors. */
    VERBOSE;

    /** From the -q/--quiet and -v/--verbose flags of {@code spec}'s command; both at once are a usage error. */
    static Verbosity of(boolean quiet, boolean verbose, CommandSpec spec) {
        if (quiet && verbose) {
            throw new ParameterException(spec.commandLine(), "Give --quiet or --verbose, not both.");
        }
        return quiet ? QUIET : verbose ? VERBOSE : NORMAL;
    }
}
