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

    /** Where the case cache goes unless a test says otherwise: never the user's own cache directory. */
    static final java.nio.file.Path CACHE_HOME = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
            "loadmill-testrail-cli-tests-" + ProcessHandle.current().pid());

    static Result run(Map<String, String> env, String... args) {
        if (!env.containsKey("XDG_CACHE_HOME")) {
            env = new java.util.HashMap<>(env);
            env.put("XDG_CACHE_HOME", CACHE_HOME.toString());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.execute(new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
