package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Called by {@link LoadmillTestRailJob#run} after the results file (and JUnit report) are written
 * and before publishing starts, e.g. for Jenkins to copy them into a workspace on an agent.
 */
@FunctionalInterface
public interface ResultsSavedHook {
    /** A hook that does nothing. */
    ResultsSavedHook NONE = (results, resultsFile, junitFile) -> {};

    /** @throws IOException for the front end's own file handling; it ends the build before publishing */
    void resultsSaved(CollectedResults results, Path resultsFile, Optional<Path> junitFile)
            throws IOException, InterruptedException;
}
