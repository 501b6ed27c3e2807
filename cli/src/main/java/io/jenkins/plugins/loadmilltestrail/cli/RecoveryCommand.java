package io.jenkins.plugins.loadmilltestrail.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code publish} command that finishes what a command could not publish, ready to paste: the
 * results file plus every TestRail, publishing and output option the command was given, as given.
 * Secrets are left out; they come from the environment, as the docs advise. The CI build's
 * variables (JOB_NAME, BUILD_NUMBER...) are set in front of it to this build's values, so that a
 * later CI job, or a shell outside CI, names the run and links the build the results came from.
 */
final class RecoveryCommand {
    /** The option groups {@code publish} shares with {@code run} and {@code plan} (mixin names), and its own --junit. */
    private static final List<String> SHARED = List.of("testRail", "publish", "output", "network", "exitCodes", "caseCache",
            "configFile");
    private static final String JUNIT = "--junit";
    private static final String PROXY = "--proxy";
    private static final Set<String> SECRETS = Set.of("--testrail-key");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@,+%-]+");

    private RecoveryCommand() {}

    static String of(CommandSpec spec, Path results, Map<String, String> buildVariables) {
        Set<String> shared = SHARED.stream().map(spec.mixins()::get).flatMap(m -> m.options().stream())
                .map(OptionSpec::longestName).filter(name -> !SECRETS.contains(name))
                .collect(Collectors.toCollection(HashSet::new));
        shared.add(JUNIT);
        List<String> words = new ArrayList<>();
        buildVariables.forEach((name, value) -> words.add(name + "=" + quote(value)));
        words.addAll(List.of("loadmill-testrail", "publish", "--results", quote(results.toString())));
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            // Settings from a --config file come back with it; from variables, with the environment.
            // A proxy with a password is a secret: HTTPS_PROXY, which the warning about it advises, brings it back.
            if (!shared.contains(option.longestName()) || option.longestName().equals(PROXY) && option.originalStringValues()
                    .stream().anyMatch(url -> ProxySettings.parse(url, PROXY).password() != null)) {
                continue;
            }
            if (option.arity().max() == 0) {
                words.add(option.longestName());
            } else {
                option.originalStringValues().forEach(value -> words.addAll(List.of(option.longestName(), quote(value))));
            }
        }
        return String.join(" ", words);
    }

    /** POSIX shell quoting, only where a word needs it. */
    private static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** The sentence printed after a publish failed or was partly refused. */
    static String advice(CommandSpec spec, Path results, Map<String, String> buildVariables) {
        return "Run `" + of(spec, results, buildVariables) + "` to finish publishing them; nothing is created or posted twice.";
    }
}
