package io.jenkins.plugins.loadmilltestrail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code publish} command that finishes what a command could not publish, ready to paste: the
 * results file plus every option of {@code publish} the command was given, as given (network ones
 * too: without its --ca-cert or --proxy, the publish could not reach TestRail). Secrets are left
 * out; they come from the environment, as the docs advise.
 */
final class RecoveryCommand {
    /** The option groups {@code publish} shares with {@code run} and {@code plan} (mixin names of JobCommand). */
    private static final List<String> SHARED = List.of("testRail", "publish", "output", "exitCodes", "network",
            "caseCache");
    private static final Set<String> SECRETS = Set.of("--testrail-key");
    /** A proxy address with a password (user info holding ':'), which must not be printed. */
    private static final Pattern PROXY_PASSWORD = Pattern.compile("(?s).*//[^/@]*:[^/@]*@.*");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@,+%-]+");

    private RecoveryCommand() {}

    static String of(CommandSpec spec, Path results) {
        Set<String> shared = SHARED.stream().map(spec.mixins()::get).flatMap(m -> m.options().stream())
                .map(OptionSpec::longestName).filter(name -> !SECRETS.contains(name)).collect(Collectors.toSet());
        List<String> words = new ArrayList<>(List.of("loadmill-testrail", "publish", "--results", quote(results.toString())));
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            // Settings from a --config file come back with it; from variables, with the environment.
            if (!shared.contains(option.longestName()) && !option.longestName().equals(Configuration.CONFIG_OPTION)) {
                continue;
            }
            if (option.arity().max() == 0) {
                words.add(option.longestName());
            } else {
                option.originalStringValues().stream()
                        .filter(value -> !(option.longestName().equals("--proxy") && PROXY_PASSWORD.matcher(value).matches()))
                        .forEach(value -> words.addAll(List.of(option.longestName(), quote(value))));
            }
        }
        return String.join(" ", words);
    }

    /** POSIX shell quoting, only where a word needs it. */
    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The sentence printed after a publish failed or was partly refused. */
    static String advice(CommandSpec spec, Path results) {
        return "Run `" + of(spec, results) + "` to finish publishing them; nothing is created or posted twice.";
    }
}
