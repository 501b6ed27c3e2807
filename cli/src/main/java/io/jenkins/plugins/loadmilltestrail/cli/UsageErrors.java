package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as the other errors are printed: one {@code error:} line, the help of the
 * option it is about (or picocli's suggestions for a misspelled one), and a pointer to
 * {@code --help}, so the problem does not scroll away under the whole usage. Secrets quoted by
 * picocli are hidden.
 */
final class UsageErrors {
    /** The commands that take --summary. */
    private static final Set<String> SUMMARIZED = Set.of("run", "publish", "plan");

    private UsageErrors() {}

    static int report(ParameterException e, SecretArguments secrets, Configuration configuration) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        // A value that came from a variable or the --config file says so.
        err.println("error: " + secrets.scrub(clean(e.getMessage()) + configuration.explain(e.getMessage())));
        StringWriter suggestions = new StringWriter();
        if (UnmatchedArgumentException.printSuggestions(e, new PrintWriter(suggestions))) {
            err.print(secrets.scrub(suggestions.toString()));
        } else {
            option(e).ifPresent(option -> err.println(help(option)));
        }
        err.println(pointer(command));
        err.flush();
        writeSummary(command.getCommandSpec().name(), configuration,
                secrets.scrub(clean(e.getMessage()) + configuration.explain(e.getMessage())), command.getOut(), err);
        return ExitCodes.USAGE;
    }

    /**
     * Writes the --summary of {@code command} (run, publish or plan) after a usage error, as after
     * any other failure, so that a CI step reading it learns why the command stopped. The option is
     * looked up without picocli, which may have stopped parsing before reaching it.
     */
    static void writeSummary(String command, Configuration configuration, String message, PrintWriter out,
            PrintWriter err) {
        if (!SUMMARIZED.contains(command)) {
            return;
        }
        Optional<String> summary = configuration.value("--summary");
        if (summary.isEmpty()) {
            return;
        }
        try {
            Path file = Path.of(summary.get());
            Map<String, Path> files = summary.get().equals(SummaryFile.STANDARD_OUTPUT) ? Map.of() : Map.of("summary", file);
            SummaryFile.writeFailure(file, out, ExitCodes.USAGE, message, Optional.empty(), files);
        } catch (EngineException | InvalidPathException e) {
            err.println("  WARNING: " + e.getMessage());
            err.flush();
        }
    }

    /** "See `loadmill-testrail run --help` for the options." */
    static String pointer(CommandLine command) {
        return "See `" + command.getCommandSpec().qualifiedName() + " --help` for the options.";
    }

    /** picocli says "Value for option option '--param'" of a map option's malformed entry. */
    private static String clean(String message) {
        return message.replace("option option", "option");
    }

    /**
     * The option the error is about: picocli's (or {@link OptionValues}'), else the first option of
     * the command that the message names, e.g. in "--labels, --junit need --test-plan or --suite".
     */
    private static Optional<OptionSpec> option(ParameterException e) {
        if (e.getArgSpec() instanceof OptionSpec option) {
            return Optional.of(option);
        }
        if (e instanceof MissingParameterException missing) {
            return missing.getMissing().stream().filter(OptionSpec.class::isInstance).map(OptionSpec.class::cast).findFirst();
        }
        return e.getCommandLine().getCommandSpec().options().stream()
                .filter(o -> named(e.getMessage(), o.longestName())).findFirst();
    }

    /** True when {@code message} names the option {@code name} as a whole word, not as part of a longer one. */
    private static boolean named(String message, String name) {
        return name.startsWith("--") && Pattern.compile("(^|[^\\w-])" + Pattern.quote(name) + "($|[^\\w-])").matcher(message).find();
    }

    /** "  --timeout=DURATION  Give up waiting for Loadmill after this long …" */
    private static String help(OptionSpec option) {
        String label = option.arity().max() == 0 ? "" : "=" + option.paramLabel();
        return "  " + String.join(", ", option.names()) + label + "  " + String.join(" ", option.description());
    }
}
