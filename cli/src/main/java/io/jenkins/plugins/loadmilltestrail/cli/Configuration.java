package io.jenkins.plugins.loadmilltestrail.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Option values from outside the command line, in this order: the flag, then the environment
 * variable {@code LOADMILL_TESTRAIL_<OPTION>} (e.g. {@code LOADMILL_TESTRAIL_PROJECT} for {@code
 * --project}) or an older documented name ({@code TESTRAIL_URL}...), then the YAML file named with
 * {@code --config FILE} (keys: the long options without {@code --}). No file is read unless named.
 *
 * <p>Single-valued options get their value through picocli's default-value mechanism; options that
 * take several values ({@code --case-map}, {@code --param}...) get them after parsing, in {@link
 * #applyMultiValued}. In a variable, several values are given one per line.
 */
final class Configuration implements IDefaultValueProvider {
    static final String PREFIX = "LOADMILL_TESTRAIL_";
    static final String CONFIG_OPTION = "--config";

    /** Options whose values are secrets: a config file may hold them only when no one else can read it. */
    private static final Set<String> SECRETS = Set.of("--testrail-key", "--loadmill-token");
    /** Never from outside the command line: a config file cannot name another one. */
    private static final Set<String> COMMAND_LINE_ONLY = Set.of(CONFIG_OPTION, "--help", "--version");
    /** The variables the CLI read before LOADMILL_TESTRAIL_*; still read, after the new names. */
    private static final Map<String, String> OLDER_NAMES = Map.ofEntries(
            Map.entry("--loadmill-url", EnvironmentVariables.LOADMILL_URL),
            Map.entry("--loadmill-token", EnvironmentVariables.LOADMILL_API_TOKEN),
            Map.entry("--testrail-url", EnvironmentVariables.TESTRAIL_URL),
            Map.entry("--testrail-user", EnvironmentVariables.TESTRAIL_USER),
            Map.entry("--testrail-key", EnvironmentVariables.TESTRAIL_API_KEY),
            Map.entry("--loadmill-connect-timeout", EnvironmentVariables.LOADMILL_CONNECT_TIMEOUT),
            Map.entry("--loadmill-read-timeout", EnvironmentVariables.LOADMILL_READ_TIMEOUT),
            Map.entry("--loadmill-call-timeout", EnvironmentVariables.LOADMILL_CALL_TIMEOUT),
            Map.entry("--testrail-connect-timeout", EnvironmentVariables.TESTRAIL_CONNECT_TIMEOUT),
            Map.entry("--testrail-read-timeout", EnvironmentVariables.TESTRAIL_READ_TIMEOUT),
            Map.entry("--testrail-call-timeout", EnvironmentVariables.TESTRAIL_CALL_TIMEOUT));

    private final Map<String, String> env;
    private final Path file;
    /** The file's keys (long option names without "--") and their values, as text. */
    private final Map<String, List<String>> fileValues;
    private final List<String> args;
    /** Where each value taken from outside the command line came from, by option name. */
    private final Map<String, String> sources = new ConcurrentHashMap<>();

    private Configuration(Map<String, String> env, Path file, Map<String, List<String>> fileValues, List<String> args) {
        this.env = env;
        this.file = file;
        this.fileValues = fileValues;
        this.args = args;
    }

    /**
     * The configuration for these arguments: the environment, and the file named by {@code --config}
     * if any. An unreadable or malformed file, or one that holds a secret others can read, is an
     * {@link InvalidSettingsException}.
     */
    static Configuration of(Map<String, String> env, String... args) {
        Optional<Path> named = configFile(args);
        Map<String, List<String>> values = named.map(Configuration::read).orElse(Map.of());
        return new Configuration(env, named.orElse(null), values, List.of(args));
    }

    /**
     * The configuration of a command whose --config file could not be read: the command line and
     * the environment alone (to find where its summary goes).
     */
    static Configuration withoutFile(Map<String, String> env, String... args) {
        return new Configuration(env, null, Map.of(), List.of(args));
    }

    /** The variable that sets {@code option}: LOADMILL_TESTRAIL_ and the name in capitals, '-' as '_'. */
    static String variable(String option) {
        return PREFIX + option.replaceFirst("^-+", "").toUpperCase(Locale.ROOT).replace('-', '_');
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.isMultiValue()) {
            return null;
        }
        List<String> values = values(option);
        // picocli interpolates ${...} in default values (an unset name becomes "null"); templates such
        // as --run-name or --run-description from a variable or the file keep their ${NAME} as written.
        return values.isEmpty() ? null : values.get(values.size() - 1).replace("${", "$${");
    }

    /**
     * Gives the options of the command about to run that take several values, and were not given
     * on the command line, their values from the environment or the file.
     */
    void applyMultiValued(ParseResult parseResult) {
        ParseResult command = parseResult;
        while (command.hasSubcommand()) {
            command = command.subcommand();
        }
        for (OptionSpec option : command.commandSpec().options()) {
            if (!option.isMultiValue() || command.hasMatchedOption(option)) {
                continue;
            }
            List<String> values = values(option);
            if (values.isEmpty()) {
                continue;
            }
            if (Map.class.isAssignableFrom(option.type())) {
                Map<String, String> map = new LinkedHashMap<>();
                for (String entry : values) {
                    int eq = entry.indexOf('=');
                    if (eq <= 0) {
                        throw new ParameterException(command.commandSpec().commandLine(), option.longestName() + ": '"
                                + entry + "' is not NAME=VALUE" + from(option.longestName()) + ".");
                    }
                    map.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
                }
                option.setValue(map);
            } else {
                String split = option.splitRegex();
                List<String> list = new ArrayList<>();
                for (String value : values) {
                    list.addAll(split.isEmpty() ? List.of(value) : Arrays.asList(value.split(split)));
                }
                option.setValue(list);
            }
        }
    }

    /**
     * Checks the file's keys against the options of all commands: a key no command knows is a typo.
     * A key another command takes (e.g. test-plan, read by `publish`) is left for that command.
     */
    void checkKeys(CommandLine root) {
        if (file == null) {
            return;
        }
        Set<String> known = new TreeSet<>();
        root.getSubcommands().values().forEach(sub -> sub.getCommandSpec().options().stream()
                .map(OptionSpec::longestName).filter(name -> name.startsWith("--") && !COMMAND_LINE_ONLY.contains(name))
                .forEach(name -> known.add(name.substring(2))));
        for (String key : fileValues.keySet()) {
            if (!known.contains(key)) {
                throw new InvalidSettingsException("The config file " + file + " has the key '" + key
                        + "', which is no option of loadmill-testrail. Its keys are the long options without '--', e.g. "
                        + "project, testrail-url, auto-create.");
            }
        }
    }

    /** For a usage error about a value taken from outside the command line: where that value came from. */
    String explain(String message) {
        StringBuilder out = new StringBuilder();
        sources.forEach((option, source) -> {
            if (message.contains(option) && !givenOnCommandLine(option)) {
                out.append(" (").append(option).append(" came from ").append(source).append(')');
            }
        });
        return out.toString();
    }

    private String from(String option) {
        String source = sources.get(option);
        return source == null ? "" : " (from " + source + ")";
    }

    /**
     * The value {@code option} (a single-valued long option) has for these arguments, found without
     * picocli: the command line's last, else the variable's, else the file's. For a usage error,
     * which may stop parsing before the option is reached.
     */
    Optional<String> value(String option) {
        String found = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals(option) && i + 1 < args.size()) {
                found = args.get(++i);
            } else if (arg.startsWith(option + "=")) {
                found = arg.substring(option.length() + 1);
            }
        }
        if (found != null) {
            return Optional.of(found);
        }
        List<String> values = values(option);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** The option's values: from its variable, else from its older variable, else from the file; empty when none. */
    private List<String> values(OptionSpec option) {
        return values(option.longestName());
    }

    private List<String> values(String name) {
        if (!name.startsWith("--") || COMMAND_LINE_ONLY.contains(name)) {
            return List.of();
        }
        for (String variable : variables(name)) {
            String value = env.get(variable);
            if (value != null && !value.isBlank()) {
                sources.put(name, "the environment variable " + variable);
                return value.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
            }
        }
        List<String> values = fileValues.get(name.substring(2));
        if (values != null && !values.isEmpty()) {
            sources.put(name, "the config file " + file);
            return values;
        }
        return List.of();
    }

    private static List<String> variables(String option) {
        String older = OLDER_NAMES.get(option);
        return older == null ? List.of(variable(option)) : List.of(variable(option), older);
    }

    private boolean givenOnCommandLine(String option) {
        return args.stream().anyMatch(arg -> arg.equals(option) || arg.startsWith(option + "="));
    }

    /** The file after {@code --config}, read before picocli parses so that its values become defaults. */
    private static Optional<Path> configFile(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(CONFIG_OPTION) && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith(CONFIG_OPTION + "=")) {
                return Optional.of(Path.of(args[i].substring(CONFIG_OPTION.length() + 1)));
            }
        }
        return Optional.empty();
    }

    private static Map<String, List<String>> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new InvalidSettingsException("--config: the file " + file + " does not exist.");
        } catch (IOException e) {
            throw new InvalidSettingsException("--config: cannot read " + file + " as YAML (" + firstLine(e.getMessage())
                    + ").");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new InvalidSettingsException("--config: " + file + " must be a YAML mapping of option names to values, "
                    + "e.g. 'project: Shop'.");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        root.fields().forEachRemaining(field -> values.put(field.getKey(), texts(file, field.getKey(), field.getValue())));
        List<String> secrets = values.entrySet().stream().filter(entry -> SECRETS.contains("--" + entry.getKey())
                || (entry.getKey().equals("proxy") && entry.getValue().stream().anyMatch(url -> url.matches("(?s).*//[^/@]*:[^/@]*@.*"))))
                .map(Map.Entry::getKey).toList();
        if (!secrets.isEmpty()) {
            checkOwnerOnly(file, secrets);
        }
        return values;
    }

    private static List<String> texts(Path file, String key, JsonNode value) {
        if (value.isNull()) {
            return List.of();
        }
        if (value.isValueNode()) {
            return List.of(value.asText());
        }
        List<String> texts = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    throw new InvalidSettingsException("--config: in " + file + ", '" + key
                            + "' must be a value or a list of values.");
                }
                texts.add(item.asText());
            }
        } else {
            // A list under a key of a map (a multi-select's options) is one comma-separated value.
            value.fields().forEachRemaining(entry -> texts.add(entry.getKey() + "=" + (entry.getValue().isArray()
                    ? String.join(", ", listTexts(entry.getValue())) : entry.getValue().asText())));
        }
        return texts;
    }

    private static List<String> listTexts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /** A config file with a secret must be readable by its owner only, as ssh wants of a private key. */
    private static void checkOwnerOnly(Path file, List<String> secrets) {
        String what = "The config file " + file + " holds " + String.join(" and ", secrets);
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix == null) {
            throw new InvalidSettingsException(what + ", but this file system cannot say who may read it. Remove "
                    + String.join(" and ", secrets) + " from the file and set " + String.join(" and ",
                            secrets.stream().map(Configuration::variableFor).toList()) + " instead.");
        }
        Set<PosixFilePermission> permissions;
        try {
            permissions = posix.readAttributes().permissions();
        } catch (IOException e) {
            throw new InvalidSettingsException("--config: cannot read the permissions of " + file + " (" + e.getMessage() + ").");
        }
        Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
        others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!others.isEmpty()) {
            throw new InvalidSettingsException(what + ", but other users may read it (" + PosixFilePermissions.toString(permissions)
                    + "). Run `chmod 600 " + file + "`, or remove the secret from the file and set "
                    + String.join(" and ", secrets.stream().map(Configuration::variableFor).toList()) + " instead.");
        }
    }

    /** The variable to suggest for a secret key of the file. */
    private static String variableFor(String key) {
        return OLDER_NAMES.getOrDefault("--" + key, variable("--" + key));
    }

    private static String firstLine(String message) {
        return message == null ? "malformed" : message.lines().findFirst().orElse("malformed");
    }
}
