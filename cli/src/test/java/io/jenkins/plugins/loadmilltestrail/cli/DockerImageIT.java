package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Builds cli/Dockerfile from the distribution archive and runs the image, where a Docker daemon is
 * reachable; skipped elsewhere. Runs in Maven's integration-test phase, after package.
 */
class DockerImageIT {
    private static final Path CLI = Path.of(System.getProperty("distribution.project.root", ".."), "cli");
    private static final String VERSION = System.getProperty("distribution.version");
    private static final String TAG = "loadmill-testrail:it-" + ProcessHandle.current().pid();

    @Test
    void theImageRunsTheCommand() throws Exception {
        assertThat(Files.readString(CLI.resolve("Dockerfile"))).contains("target/loadmill-testrail-*.tar.gz")
                .contains("ENTRYPOINT [\"loadmill-testrail\"]");
        assumeTrue(docker(60, "info").exitCode() == 0, "no Docker daemon here");
        try {
            Run build = docker(600, "build", "-t", TAG, CLI.toString());
            assertThat(build.exitCode()).as(build.output()).isZero();
            Run version = docker(120, "run", "--rm", TAG, "--version");
            assertThat(version.exitCode()).as(version.output()).isZero();
            assertThat(version.output().strip()).isEqualTo("loadmill-testrail " + VERSION);
            Run demo = docker(300, "run", "--rm", TAG, "demo", "--dir", "/tmp/demo");
            assertThat(demo.exitCode()).as(demo.output()).isZero();
            assertThat(demo.output()).contains("Result: 12 flows");
        } finally {
            docker(60, "rmi", "-f", TAG);
        }
    }

    record Run(int exitCode, String output) {}

    private static Run docker(int timeoutSeconds, String... args) throws InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(-1, "timed out");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException noDocker) {
            return new Run(-1, String.valueOf(noDocker));
        }
    }
}
