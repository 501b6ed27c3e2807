package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;

/** Builds the command line with the context injected into every command; tests call this too. */
public final class Cli {
    private Cli() {}

    /** Parses {@code args}, runs the command and returns its exit code. */
    public static int execute(CliContext context, String... args) {
        int exitCode;
        Configuration configuration = null;
        try {
            // Flags, then environment variables, then the file named with --config (read before parsing).
            configuration = Configuration.of(context.env(), args);
            CommandLine commandLine = commandLine(context, new SecretArguments(args), configuration);
            configuration.checkKeys(commandLine);
            exitCode = commandLine.execute(args);
        } catch (InvalidSettingsException e) {
            // A --config file that cannot be used: the command did not start, but its summary still says why.
            context.err().println("error: " + e.getMessage());
            exitCode = ExitCodes.USAGE;
            UsageErrors.writeSummary(args.length == 0 ? "" : args[0],
                    configuration != null ? configuration : Configuration.withoutFile(context.env(), args), e.getMessage(),
                    context.out(), context.err());
        }
        context.out().flush();
        context.err().flush();
        return exitCode;
    }

    private static CommandLine commandLine(CliContext context, SecretArguments secrets, Configuration configuration) {
        CommandLine commandLine = new CommandLine(RootCommand.class, new ContextFactory(context));
        commandLine.setDefaultValueProvider(configuration);
        commandLine.setExecutionStrategy(parseResult -> {
            configuration.applyMultiValued(parseResult);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> UsageErrors.report(e, secrets, configuration));
        // Options are partly read inside commands (durations, maps); those usage errors are reported alike.
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> e instanceof ParameterException usage
                ? UsageErrors.report(usage, secrets, configuration)
                : Failures.report(e, context.err(), true));
        return commandLine;
    }

    /** Creates commands that take a {@link CliContext}; everything else as picocli would. */
    private record ContextFactory(CliContext context) implements IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> constructor = type.getDeclaredConstructor(CliContext.class);
                return constructor.newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
