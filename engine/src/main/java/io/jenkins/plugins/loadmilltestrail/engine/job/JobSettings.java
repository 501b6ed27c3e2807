package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishSettings;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailSettings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one build needs: what to run in Loadmill, where and how to publish in TestRail, and
 * where to keep the collected results.
 *
 * @param resultsFile where the collected results are saved before anything is published; the
 *     publish journal is kept beside it
 * @param junitFile where to write a JUnit XML report of the collected results, if wanted
 * @param dryRun plan the TestRail sync and report it, but write nothing to TestRail
 */
public record JobSettings(
        LoadmillSettings loadmill,
        TestRailSettings testRail,
        PublishSettings publish,
        Path resultsFile,
        Optional<Path> junitFile,
        boolean dryRun) {

    public JobSettings {
        Objects.requireNonNull(loadmill, "loadmill");
        Objects.requireNonNull(testRail, "testRail");
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(resultsFile, "resultsFile");
        Objects.requireNonNull(junitFile, "junitFile");
    }

    /** Settings for a build that publishes. */
    public JobSettings(LoadmillSettings loadmill, TestRailSettings testRail, PublishSettings publish,
            Path resultsFile, Optional<Path> junitFile) {
        this(loadmill, testRail, publish, resultsFile, junitFile, false);
    }
}
