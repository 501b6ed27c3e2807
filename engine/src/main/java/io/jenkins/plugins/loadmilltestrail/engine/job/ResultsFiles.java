package io.jenkins.plugins.loadmilltestrail.engine.job;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks, before Loadmill runs for an hour, that the files the results go to can be written. */
final class ResultsFiles {
    private ResultsFiles() {}

    /** Creates the parent folder if needed; fails when the file cannot be written there. */
    static void checkWritable(Path file, String what) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new InvalidSettingsException("The " + what + " " + file + " is a folder; give a file name, e.g. "
                    + file.resolve("loadmill-results.json") + ".");
        }
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot create the folder " + folder + " for the " + what + " (" + e.getMessage()
                    + "); choose a writable location.");
        }
        if (!Files.isWritable(folder) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new InvalidSettingsException("The " + what + " " + file + " cannot be written (no permission); choose a writable location.");
        }
    }
}
