package io.jenkins.plugins.loadmilltestrail.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;

/** Builds the command line with the context injected into every command; tests call this too. */
public final class Cli {
    private Cli() {}

    /** Parses {@code args}, runs the command and returns its exit code. */
    public static int execute(CliContext context, String... args) {
        int exitCode = commandLine(context, new SecretArguments(args)).execute(args);
        context.out().flush();
        context.err().flush();
        return exitCode;
    }

    private static CommandLine commandLine(CliContext context, SecretArguments secrets) {
        CommandLine commandLine = new CommandLine(RootCommand.class, new ContextFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, args) -> UsageErrors.report(e, secrets));
        // Options are partly read inside commands (durations, maps); those usage errors are reported alike.
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> e instanceof ParameterException usage
                ? UsageErrors.report(usage, secrets)
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
