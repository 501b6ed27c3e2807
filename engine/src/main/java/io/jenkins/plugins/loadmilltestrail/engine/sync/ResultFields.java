package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.CustomField;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.FieldConfig;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Project;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values for TestRail's custom result fields (get_result_fields), sent with every result: the
 * job's {@code NAME=VALUE} entries turned into the JSON each field's type takes, and the fields
 * TestRail requires in the project checked to have a value.
 *
 * <p>A field is named by its system name ({@code custom_environment}), its name without
 * {@code custom_} ({@code environment}) or its label ({@code Environment}). Values may use the run
 * name variables ({@code ${BUILD_NUMBER}}, {@code ${LOADMILL_RUN_ID}}...). By type: String (at most
 * 250 characters), Text and Date as text; Integer, User and Milestone as a number; Checkbox as
 * true/false (also yes/no, 1/0, on/off); Dropdown by option label or id; Multi-select as a
 * comma-separated list of option labels or ids. A required field without a value gets the default
 * value its TestRail configuration has; one without a default is a problem, listed with the others.
 */
public final class ResultFields {
    /** TestRail's type ids (get_result_fields {@code type_id}). */
    static final int STRING = 1;
    static final int INTEGER = 2;
    static final int TEXT = 3;
    static final int URL = 4;
    static final int CHECKBOX = 5;
    static final int DROPDOWN = 6;
    static final int USER = 7;
    static final int DATE = 8;
    static final int MILESTONE = 9;
    static final int MULTI_SELECT = 12;
    /** TestRail refuses longer String field values ("is too long (250 characters at most)"). */
    public static final int MAX_STRING = 250;
    private static final String OPTION = "result field (--result-field)";
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final int LISTED = 8;

    private ResultFields() {}

    /**
     * The fields' values, notes (defaults used) and problems. An empty problem list means every
     * value fits its field and every required field has a value.
     *
     * @param values field name → JSON value (String, Long, Boolean or a list of Longs), by system name
     */
    public record Resolved(Map<String, Object> values, List<String> notes, List<String> problems) {
        public Resolved {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            notes = List.copyOf(notes);
            problems = List.copyOf(problems);
        }
    }

    /** A value the field does not take; the message says why and what it takes. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * One {@code NAME=VALUE} per line (blank lines and "#" lines ignored), split at the first "=";
     * a name given twice is an error. For front ends that take the entries as text.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || line.substring(0, eq).isBlank()) {
                throw new InvalidSettingsException("The result field entry '" + line.strip() + "' is not NAME=VALUE; "
                        + "write e.g. custom_environment=Staging.");
            }
            String name = line.substring(0, eq).strip();
            if (map.putIfAbsent(name, line.substring(eq + 1).strip()) != null) {
                throw new InvalidSettingsException("The result fields name '" + name + "' twice; give each field once.");
            }
        }
        return map;
    }

    /** Fails when an entry is blank-named or a value uses a variable that is neither built in nor supplied. */
    static void check(Map<String, String> configured, Collection<String> supplied) {
        Set<String> known = new TreeSet<>(RunNames.BUILT_INS);
        known.addAll(supplied);
        configured.forEach((name, value) -> {
            if (name == null || name.isBlank() || value == null) {
                throw new InvalidSettingsException("The result field entry '" + name + "=" + value + "' is incomplete; "
                        + "write NAME=VALUE, e.g. custom_environment=Staging.");
            }
            Matcher m = VARIABLE.matcher(value);
            while (m.find()) {
                if (!known.contains(m.group(1))) {
                    throw new InvalidSettingsException("The result field " + name.strip() + " uses the unknown variable ${"
                            + m.group(1) + "}; known variables are " + known.stream().map(v -> "${" + v + "}")
                                    .collect(Collectors.joining(", ")) + ".");
                }
            }
        });
    }

    /**
     * Resolves the configured values against the fields TestRail has.
     *
     * @param variables the variables' values; a variable missing here stays as written
     * @param lenient when a value still holds a variable (its value is not known yet, as before the
     *     Loadmill run), only check that the field exists, not that the value fits it
     */
    public static Resolved resolve(Map<String, String> configured, List<CustomField> fields, Project project,
            Map<String, String> variables, boolean lenient) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> given = new LinkedHashSet<>();
        long projectId = project.id();
        configured.forEach((name, raw) -> {
            Optional<CustomField> found = field(name, fields, problems);
            if (found.isEmpty()) {
                return;
            }
            CustomField field = found.get();
            String what = describe(field, projectId);
            if (!given.add(field.systemName())) {
                problems.add("The " + OPTION + " " + field.systemName() + " is given twice (as '" + name.strip()
                        + "' too); give it once.");
                return;
            }
            if (!field.active()) {
                problems.add("The " + OPTION + " " + what + " is inactive in TestRail; remove it, or activate it under "
                        + "Administration > Customizations.");
                return;
            }
            if (field.configFor(projectId).isEmpty()) {
                problems.add("The " + OPTION + " " + what + " is not used in project '" + project.name() + "' (P"
                        + projectId + "); remove it, or add the project to the field's configuration in TestRail.");
                return;
            }
            String value = substitute(raw, variables);
            if (value.isBlank()) {
                return; // left out; a required field is reported below
            }
            if (lenient && VARIABLE.matcher(value).find()) {
                values.put(field.systemName(), value);
                return;
            }
            try {
                values.put(field.systemName(), typed(field, projectId, value));
            } catch (Refused e) {
                problems.add("The " + OPTION + " " + what + " does not take '" + value + "': " + e.getMessage());
            }
        });
        List<String> missing = new ArrayList<>();
        for (CustomField field : fields) {
            if (!field.requiredIn(projectId) || values.containsKey(field.systemName())) {
                continue;
            }
            String fallback = field.configFor(projectId).map(FieldConfig::defaultValue).orElse("").strip();
            if (fallback.isEmpty() || given.contains(field.systemName())) {
                missing.add(describe(field, projectId));
                continue;
            }
            try {
                values.put(field.systemName(), typed(field, projectId, fallback));
                notes.add("The required result field " + field.systemName() + " gets its TestRail default '" + fallback
                        + "'; set it with --result-field " + field.systemName() + "=VALUE to send another value.");
            } catch (Refused e) {
                missing.add(describe(field, projectId));
            }
        }
        if (!missing.isEmpty()) {
            problems.add("TestRail requires " + (missing.size() == 1 ? "the result field " : "the result fields ")
                    + String.join(", ", missing) + " in project '" + project.name() + "' (P" + projectId
                    + "), and no value is given; TestRail would refuse every result. Set "
                    + (missing.size() == 1 ? "it" : "each") + " with --result-field NAME=VALUE (e.g. --result-field "
                    + requiredExample(fields, projectId, values) + ").");
        }
        return new Resolved(values, notes, problems);
    }

    /** The value with its variables replaced; variables without a value stay as written. */
    static String substitute(String value, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString().strip();
    }

    // ---- fields -----------------------------------------------------------------------------

    /** The field a name means: by system name, by name without "custom_", else by label. */
    private static Optional<CustomField> field(String name, List<CustomField> fields, List<String> problems) {
        String key = name.strip();
        List<CustomField> bySystemName = fields.stream().filter(f -> f.systemName().equalsIgnoreCase(key)
                || f.systemName().equalsIgnoreCase("custom_" + key)).toList();
        List<CustomField> found = bySystemName.isEmpty()
                ? fields.stream().filter(f -> Names.clean(f.label()).equalsIgnoreCase(Names.clean(key))).toList()
                : bySystemName;
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.size() > 1) {
            problems.add("The " + OPTION + " '" + key + "' names several TestRail result fields ("
                    + found.stream().map(CustomField::systemName).collect(Collectors.joining(", "))
                    + "); name it by its system name.");
            return Optional.empty();
        }
        String hint = key.equalsIgnoreCase("version") ? " The result's version is set with --result-version."
                : "";
        problems.add("The " + OPTION + " '" + key + "' is not a result field of this TestRail; "
                + (fields.isEmpty() ? "it has no custom result fields." : "its result fields are "
                        + fields.stream().limit(LISTED).map(f -> f.systemName() + " (" + f.label() + ")")
                                .collect(Collectors.joining(", ")) + (fields.size() > LISTED ? ", ..." : "") + ".")
                + hint);
        return Optional.empty();
    }

    /** "custom_environment (Environment, dropdown: Staging, Production)". */
    private static String describe(CustomField field, long projectId) {
        StringBuilder text = new StringBuilder(field.systemName()).append(" (");
        if (!field.label().isBlank() && !field.label().equalsIgnoreCase(field.systemName())) {
            text.append(field.label()).append(", ");
        }
        text.append(typeName(field.typeId()));
        List<Option> options = options(field, projectId);
        if ((field.typeId() == DROPDOWN || field.typeId() == MULTI_SELECT) && !options.isEmpty()) {
            text.append(": ").append(options.stream().limit(LISTED).map(Option::label).collect(Collectors.joining(", ")))
                    .append(options.size() > LISTED ? ", ..." : "");
        }
        return text.append(')').toString();
    }

    private static String requiredExample(List<CustomField> fields, long projectId, Map<String, Object> values) {
        CustomField first = fields.stream().filter(f -> f.requiredIn(projectId) && !values.containsKey(f.systemName()))
                .findFirst().orElseThrow();
        List<Option> options = options(first, projectId);
        String example = switch (first.typeId()) {
            case DROPDOWN, MULTI_SELECT -> options.isEmpty() ? "1" : options.get(0).label();
            case INTEGER, USER, MILESTONE -> "1";
            case CHECKBOX -> "true";
            default -> "${BUILD_NUMBER}";
        };
        return first.systemName() + "=" + (example.contains(" ") ? "'" + example + "'" : example);
    }

    static String typeName(int typeId) {
        return switch (typeId) {
            case STRING -> "string";
            case INTEGER -> "integer";
            case TEXT -> "text";
            case URL -> "URL";
            case CHECKBOX -> "checkbox";
            case DROPDOWN -> "dropdown";
            case USER -> "user";
            case DATE -> "date";
            case MILESTONE -> "milestone";
            case 11 -> "step results";
            case MULTI_SELECT -> "multi-select";
            default -> "type " + typeId;
        };
    }

    // ---- values -----------------------------------------------------------------------------

    private static Object typed(CustomField field, long projectId, String value) throws Refused {
        switch (field.typeId()) {
            case STRING:
                if (value.codePointCount(0, value.length()) > MAX_STRING) {
                    throw new Refused("it is " + value.codePointCount(0, value.length()) + " characters long and the "
                            + "field takes at most " + MAX_STRING + ".");
                }
                return value;
            case TEXT:
            case DATE:
                return value;
            case URL:
                if (!value.matches("(?i)[a-z][a-z0-9+.-]*://\\S+")) {
                    throw new Refused("the field takes a URL such as https://ci.example.com/job/1.");
                }
                return value;
            case INTEGER:
                return number(value, "the field takes a whole number.");
            case USER:
                return number(value, "the field takes a TestRail user id (a number, as in the user's address).");
            case MILESTONE:
                return number(value.replaceFirst("^[mM](?=\\d)", ""), "the field takes a milestone id, such as M12 or 12.");
            case CHECKBOX:
                return checkbox(value);
            case DROPDOWN:
                return option(field, projectId, value).id();
            case MULTI_SELECT:
                return multiSelect(field, projectId, value);
            default:
                throw new Refused("fields of type " + typeName(field.typeId()) + " cannot be set with --result-field.");
        }
    }

    private static long number(String value, String takes) throws Refused {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new Refused(takes);
        }
    }

    private static boolean checkbox(String value) throws Refused {
        switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on", "checked":
                return true;
            case "false", "no", "0", "off", "unchecked":
                return false;
            default:
                throw new Refused("the field is a checkbox; give true or false.");
        }
    }

    private static List<Long> multiSelect(CustomField field, long projectId, String value) throws Refused {
        List<Option> options = options(field, projectId);
        // A whole value that is one option's label keeps its commas.
        Optional<Option> whole = options.stream().filter(o -> o.label().equalsIgnoreCase(value.strip())).findFirst();
        if (whole.isPresent()) {
            return List.of(whole.get().id());
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                ids.add(option(field, projectId, part).id());
            }
        }
        return List.copyOf(ids);
    }

    private record Option(long id, String label) {}

    private static Option option(CustomField field, long projectId, String value) throws Refused {
        List<Option> options = options(field, projectId);
        String wanted = value.strip();
        Optional<Option> byLabel = options.stream().filter(o -> o.label().equalsIgnoreCase(wanted)).findFirst();
        if (byLabel.isPresent()) {
            return byLabel.get();
        }
        Optional<Option> byId = options.stream().filter(o -> String.valueOf(o.id()).equals(wanted)).findFirst();
        if (byId.isPresent()) {
            return byId.get();
        }
        throw new Refused(options.isEmpty() ? "the field has no options in this project."
                : "'" + wanted + "' is not one of its options; use one of " + options.stream()
                        .map(o -> o.label() + " (" + o.id() + ")").collect(Collectors.joining(", "))
                        + ", by label or id.");
    }

    /** The options of a dropdown or multi-select in the project: TestRail's "id, label" lines. */
    private static List<Option> options(CustomField field, long projectId) {
        String items = field.configFor(projectId).map(FieldConfig::items).orElse("");
        List<Option> options = new ArrayList<>();
        for (String line : items.split("\\R")) {
            int comma = line.indexOf(',');
            if (comma <= 0) {
                continue;
            }
            try {
                options.add(new Option(Long.parseLong(line.substring(0, comma).strip()), line.substring(comma + 1).strip()));
            } catch (NumberFormatException e) {
                // not an "id, label" line; TestRail writes none
            }
        }
        return options;
    }
}
