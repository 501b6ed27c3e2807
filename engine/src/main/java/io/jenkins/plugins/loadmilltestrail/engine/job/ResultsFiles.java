package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.report.OutputFiles;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Checks, before Loadmill runs for an hour, that the files the results go to can be written. */
final class ResultsFiles {
    private ResultsFiles() {}

    /**
     * Removes what an earlier run left at this run's paths: its results file, that file's journal
     * and its JUnit report. Otherwise a run that fails before saving (Loadmill timeout, Ctrl-C)
     * would leave the earlier run's files looking like its own, and a later {@code publish} step
     * would publish the earlier run again.
     */
    static void removeEarlierRun(Path resultsFile, Optional<Path> junitFile) {
        Stream.concat(Stream.of(resultsFile, PublishJournal.besides(resultsFile)), junitFile.stream()).forEach(file -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new InvalidSettingsException("Cannot remove " + file + ", left by an earlier run (" + e.getMessage()
                        + "); remove it or choose another location, so that it is not taken for this run's.");
            }
        });
    }

    /** Creates the parent folder if needed; fails when the file cannot be written there. */
    static void checkWritable(Path file, String what) {
        OutputFiles.checkWritable(file, what);
    }
}
