package io.jenkins.plugins.loadmilltestrail.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What commands take from outside the JVM, passed in so tests can supply their own: environment
 * variables, the two output streams, and whether the output is an interactive terminal.
 */
public record CliContext(Map<String, String> env, PrintWriter out, PrintWriter err, boolean interactive) {

    public CliContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }

    /** The variable's value, empty when unset or blank. */
    public Optional<String> variable(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
