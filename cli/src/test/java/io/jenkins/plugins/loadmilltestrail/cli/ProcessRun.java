package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command the tests ran as a process: its exit code and both output streams together. */
record ProcessRun(int exitCode, String output) {

    /**
     * Runs {@code command} in {@code workDir} with exactly {@code env}, no input, and fails the test
     * when it has not ended within {@code timeout}. The output goes through a file, so a process that
     * hangs with its output open still meets the timeout.
     */
    static ProcessRun of(List<String> command, Path workDir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        File output = File.createTempFile("process-run", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output);
            builder.environment().clear();
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeout.toSeconds() + " s:\n"
                        + text(output));
            }
            return new ProcessRun(process.exitValue(), text(output));
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private static String text(File output) throws IOException {
        return new String(Files.readAllBytes(output.toPath()), StandardCharsets.UTF_8);
    }
}
