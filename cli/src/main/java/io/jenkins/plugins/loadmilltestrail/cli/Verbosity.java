package io.jenkins.plugins.loadmilltestrail.cli;

/** How much the CLI prints while it works. */
enum Verbosity {
    /** Warnings, errors and the one-line result. */
    QUIET,
    /** Also a line per phase and per finished suite, and the summary. */
    NORMAL,
    /** Also detail lines and the causes of errors. */
    VERBOSE
}
