package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution the build leaves in cli/target, as a user gets it: unpacked, then run through
 * bin/loadmill-testrail. Runs in Maven's integration-test phase (failsafe), after package.
 */
class DistributionIT {
    private static final String VERSION = System.getProperty("distribution.version");
    private static final Path ARCHIVE_BASE = Path.of(System.getProperty("distribution.archive.base", "missing"));

    @TempDir
    Path dir;

    @Test
    void theTarGzUnpacksToACommandThatPrintsItsVersionAndRunsTheDemo() throws Exception {
        assumeTrue(isPosix(), "bin/loadmill-testrail is a POSIX sh script");
        Path archive = Path.of(ARCHIVE_BASE + ".tar.gz");
        assertThat(archive).isRegularFile();
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).isZero();
        Path home = dir.resolve("loadmill-testrail-" + VERSION);
        assertLayout(home);
        Path command = home.resolve("bin/loadmill-testrail");
        assertThat(Files.getPosixFilePermissions(command)).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);

        ProcessRun version = run(dir, command.toString(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("loadmill-testrail " + VERSION);

        // From another directory, through a symbolic link, as when the command is linked into the PATH.
        Path linkDir = Files.createDirectories(dir.resolve("path-bin"));
        Path link = Files.createSymbolicLink(linkDir.resolve("loadmill-testrail"), command);
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessRun demo = run(work, link.toString(), "demo", "--dir", "demo-files");
        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Result: 12 flows, 8 passed, 1 flaky, 3 did not pass; posted 12 results to TestRail.");
        assertThat(work.resolve("demo-files/summary.json")).isRegularFile();
    }

    @Test
    void theBuildAlsoLeavesItUnpackedInTarget() throws Exception {
        assumeTrue(isPosix(), "bin/loadmill-testrail is a POSIX sh script");
        Path home = Path.of(ARCHIVE_BASE.toString());
        assertLayout(home);
        ProcessRun version = run(dir, home.resolve("bin/loadmill-testrail").toString(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("loadmill-testrail " + VERSION);
    }

    @Test
    void theZipHasTheSameLayoutWithAWindowsScript() throws IOException {
        Path archive = Path.of(ARCHIVE_BASE + ".zip");
        assertThat(archive).isRegularFile();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                assertThat(target.startsWith(dir)).as(entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        Path home = dir.resolve("loadmill-testrail-" + VERSION);
        assertLayout(home);
        String cmd = Files.readString(home.resolve("bin/loadmill-testrail.cmd"), StandardCharsets.US_ASCII);
        assertThat(cmd).contains("\r\n").contains("-jar \"%APP_HOME%\\lib\\loadmill-testrail.jar\" %*")
                .contains("exit /b %ERRORLEVEL%");
        assertThat(Files.readString(home.resolve("bin/loadmill-testrail"))).doesNotContain("\r");
    }

    @Test
    void theJarInTheDistributionRunsWithJavaAlone() throws Exception {
        Path archive = Path.of(ARCHIVE_BASE + ".zip");
        Path jar = dir.resolve("loadmill-testrail.jar");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().endsWith("/lib/loadmill-testrail.jar")) {
                    Files.copy(zip, jar);
                }
            }
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessRun help = run(dir, java.toString(), "-jar", jar.toString(), "--help");
        assertThat(help.exitCode()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: loadmill-testrail");
    }

    private static void assertLayout(Path home) throws IOException {
        assertThat(home.resolve("lib/loadmill-testrail.jar")).isRegularFile();
        assertThat(home.resolve("bin/loadmill-testrail")).isRegularFile();
        assertThat(home.resolve("bin/loadmill-testrail.cmd")).isRegularFile();
        assertThat(Files.readString(home.resolve("LICENSE"))).startsWith("MIT License");
        assertThat(Files.readString(home.resolve("THIRD-PARTY.txt"))).contains("okhttp").contains("picocli");
        assertThat(Files.readString(home.resolve("licenses/Apache-2.0.txt"))).contains("Apache License");
    }

    private static boolean isPosix() {
        return !System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** Runs a command with the test JVM's Java as JAVA_HOME and none of the services' variables. */
    private static ProcessRun run(Path workDir, String... command) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.keySet().removeIf(name -> name.startsWith("LOADMILL_") || name.startsWith("TESTRAIL_")
                || name.equalsIgnoreCase("HTTP_PROXY") || name.equalsIgnoreCase("HTTPS_PROXY"));
        return ProcessRun.of(List.of(command), workDir, env, Duration.ofSeconds(120));
    }
}
