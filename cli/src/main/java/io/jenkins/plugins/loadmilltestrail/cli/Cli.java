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
        int exitCode = commandLine(context).execute(args);
        context.out().flush();
        context.err().flush();
        return exitCode;
    }

    static CommandLine commandLine(CliContext context) {
        CommandLine commandLine = new CommandLine(RootCommand.class, new ContextFactory(context));
        commandLine.setOut(context.out());
        commandLine.setErr(context.err());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // Options are partly read inside commands (durations, maps); those usage errors get picocli's usage too.
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> e instanceof ParameterException usage
                ? cl.getParameterExceptionHandler().handleParseException(usage, parseResult.originalArgs().toArray(String[]::new))
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
