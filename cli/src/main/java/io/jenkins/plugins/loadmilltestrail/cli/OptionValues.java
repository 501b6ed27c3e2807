package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads option values with the engine's parsers. A malformed value is a usage error: picocli
 * prints the message and the command's usage, and the exit code is 2.
 */
final class OptionValues {
    private OptionValues() {}

    static <T> T read(CommandSpec spec, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidSettingsException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The duration given to {@code option}, or empty when the option was not given. */
    static Optional<Duration> duration(CommandSpec spec, String value, String option) {
        return value == null ? Optional.empty() : Optional.of(read(spec, () -> Durations.parse(value, option)));
    }

    /**
     * The duration given to {@code option}, else the one in the environment variable {@code
     * variable}; empty when neither is set. A malformed value is a usage error naming its source.
     */
    static Optional<Duration> duration(CommandSpec spec, String value, String option, CliContext context,
            String variable) {
        return value != null ? duration(spec, value, option)
                : context.variable(variable).map(text -> read(spec, () -> Durations.parse(text, variable)));
    }
}
