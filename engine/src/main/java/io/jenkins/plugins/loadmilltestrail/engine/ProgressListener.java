package io.jenkins.plugins.loadmilltestrail.engine;

import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the engine reports progress. The CLI prints it, the plugin writes it to the build log.
 * Implementations must be thread-safe and must not throw. Nothing passed here contains a secret.
 */
public interface ProgressListener {

    /** A new phase begins, e.g. "Starting Loadmill test plan 6f1c…". */
    void phase(String message);

    /** A detail line inside the current phase. */
    void info(String message);

    /** Something the user should look at, e.g. an unmatched flow. */
    void warn(String message);

    /**
     * A call failed transiently and is about to be repeated (each retry of a Loadmill poll or
     * TestRail call). Shown by default, since it explains a pause; the default writes a detail
     * line, which the Jenkins build log shows.
     */
    default void retrying(RetryNotice retry) {
        info(retry.message());
    }

    /**
     * A Loadmill suite run finished (called once per suite, as soon as it is seen finished). Its
     * flows are not known yet: a poll answer lists only some of them, so {@code suite.flows()} is
     * empty here.
     */
    default void suiteFinished(SuiteResult suite) {
        info("Suite " + suite.name() + ": " + suite.status().value());
    }

    /**
     * Still waiting for Loadmill; called after each poll. Terminal front ends may redraw an
     * indicator; others should ignore it (the default) to keep logs short.
     */
    default void waiting(Duration elapsed, int finishedSuites, int totalSuites) {}

    /**
     * How a local file the engine wrote is named in its messages. The CLI shows the path as given;
     * Jenkins overrides it, since a path on the controller means nothing to a build's reader.
     */
    default String displayPath(Path file) {
        return file.toString();
    }

    /** A listener that drops everything. */
    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void phase(String message) {}

        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void suiteFinished(SuiteResult suite) {}
    };
}
