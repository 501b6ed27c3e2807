package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process with a given environment and captures both output streams. */
final class CliRunner {
    /** One finished command. */
    record Result(int exitCode, String out, String err) {
        /** Both streams, for checks that something appears (or never appears) anywhere. */
        String all() {
            return out + err;
        }
    }

    private CliRunner() {}

    /**
     * Unless a test says otherwise, each command gets a case cache of its own, never the user's:
     * simulators of different tests may get the same loopback port, and so the same cache key.
     */
    static Result run(Map<String, String> env, String... args) {
        if (!env.containsKey("XDG_CACHE_HOME")) {
            env = new java.util.HashMap<>(env);
            try {
                java.nio.file.Path base = java.nio.file.Path.of("target", "test-cache-home").toAbsolutePath();
                java.nio.file.Files.createDirectories(base);
                env.put("XDG_CACHE_HOME", java.nio.file.Files.createTempDirectory(base, "run").toString());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.execute(new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
