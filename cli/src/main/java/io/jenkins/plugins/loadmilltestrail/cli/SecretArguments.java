package io.jenkins.plugins.loadmilltestrail.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hides secrets given on the command line from usage-error messages, which quote arguments: the
 * value of any option whose name mentions a token or key, or is a misspelling of the two secret
 * options ("Unknown options: '--testrail-kee', '…'").
 */
final class SecretArguments {
    private static final String HIDDEN = "****";
    private static final List<String> SECRET_OPTIONS = List.of("--loadmill-token", "--testrail-key");
    private static final int MISSPELLING = 2;

    private final List<String> secrets = new ArrayList<>();

    SecretArguments(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-") || !isSecretName(arg)) {
                continue;
            }
            int eq = arg.indexOf('=');
            if (eq >= 0) {
                add(arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                add(args[i + 1]);
            }
        }
    }

    String scrub(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, HIDDEN);
        }
        return out;
    }

    private static boolean isSecretName(String arg) {
        String name = (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg).toLowerCase(Locale.ROOT);
        return name.contains("token") || name.contains("key") || name.contains("password") || name.contains("secret")
                || SECRET_OPTIONS.stream().anyMatch(option -> distance(option, name) <= MISSPELLING);
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private void add(String value) {
        // Very short values would hide ordinary words in the message; real tokens and keys are long.
        if (value.length() >= 4) {
            secrets.add(value);
        }
    }
}
