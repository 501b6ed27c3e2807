package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads option values with the engine's parsers. A malformed value is a usage error about its
 * option (see {@link UsageErrors}): the message names the option, and the exit code is 2.
 */
final class OptionValues {
    private OptionValues() {}

    /**
     * {@code parser}'s value; its {@code InvalidSettingsException} becomes a usage error about
     * {@code source}, an option (whose help is then shown) or an environment variable.
     */
    static <T> T read(CommandSpec spec, String source, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidSettingsException e) {
            String message = e.getMessage().startsWith(source) ? e.getMessage() : source + ": " + e.getMessage();
            OptionSpec option = spec.findOption(source);
            throw option == null ? new ParameterException(spec.commandLine(), message, e)
                    : new ParameterException(spec.commandLine(), message, e, option, null);
        }
    }

    /** The duration given to {@code option}, or empty when the option was not given. */
    static Optional<Duration> duration(CommandSpec spec, String value, String option) {
        return value == null ? Optional.empty() : Optional.of(read(spec, option, () -> Durations.parse(value, option)));
    }

    /**
     * The duration given to {@code option}, else the one in the environment variable {@code
     * variable}; empty when neither is set. A malformed value is a usage error naming its source.
     */
    static Optional<Duration> duration(CommandSpec spec, String value, String option, CliContext context,
            String variable) {
        return value != null ? duration(spec, value, option)
                : context.variable(variable).map(text -> read(spec, variable, () -> Durations.parse(text, variable)));
    }
}
