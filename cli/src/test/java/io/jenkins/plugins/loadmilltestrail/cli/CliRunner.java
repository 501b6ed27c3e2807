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

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Cli.execute(new CliContext(env, new PrintWriter(out, true), new PrintWriter(err, true), false), args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
