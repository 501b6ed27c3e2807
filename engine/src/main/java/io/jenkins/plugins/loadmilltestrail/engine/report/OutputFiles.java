package io.jenkins.plugins.loadmilltestrail.engine.report;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before Loadmill runs for an hour, that a file the build writes (results, JUnit report,
 * summary) can be written: otherwise the run's results would be lost after it, or the build would
 * fail then for a reason it could have given at once.
 */
public final class OutputFiles {
    private OutputFiles() {}

    /**
     * Creates the parent folder if needed and writes (then removes) a probe file in it, the way
     * {@link AtomicFiles} writes the real one; fails naming {@code what} (e.g. "results file
     * (--results)") when the file cannot be written there.
     */
    public static void checkWritable(Path file, String what) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new InvalidSettingsException("The " + what + " " + file + " is a folder; give a file name, e.g. "
                    + file.resolve("loadmill-results.json") + ".");
        }
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new InvalidSettingsException("Cannot create the folder " + folder + " for the " + what + " (" + describe(e)
                    + "); choose a writable location.");
        }
        if (!Files.isWritable(folder) || (Files.exists(absolute) && !Files.isWritable(absolute))) {
            throw new InvalidSettingsException("The " + what + " " + file + " cannot be written (no permission); choose a "
                    + "writable location.");
        }
        try {
            Files.delete(Files.createTempFile(folder, ".write-check-", ".tmp"));
        } catch (IOException e) {
            throw new InvalidSettingsException("The " + what + " " + file + " cannot be written (" + describe(e)
                    + "); choose a writable location.");
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return e.getMessage() + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "no permission to write in " + e.getMessage();
        }
        return e.getMessage();
    }
}
