package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names and descriptions of the TestRail runs and plans a publish creates. Templates use
 * {@code ${NAME}}; the built-in variables come from the collected results, the others from
 * {@link PublishSettings#variables()} (JOB_NAME, BUILD_NUMBER, BUILD_URL, ... from the front end).
 */
public final class RunNames {
    /** The variables every publish knows, whatever the front end supplies. */
    public static final java.util.List<String> BUILT_INS = java.util.List.of("LOADMILL_NAME", "LOADMILL_PLAN",
            "LOADMILL_SUITE", "LOADMILL_RUN_ID", "LOADMILL_URL", "DATE");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** TestRail keeps at most 250 characters of a run or plan name. */
    private static final int MAX_NAME = 250;

    private RunNames() {}

    /** TestRail keeps at most 250 characters of a run's references (trcli's MAX_RUN_REFERENCES_LENGTH). */
    public static final int MAX_REFS = 250;
    /** TestRail documents no limit for descriptions; longer ones are cut so a body stays small. */
    public static final int MAX_DESCRIPTION = 4_000;

    /** Fails if {@code template} uses a variable that is neither built in nor in {@code supplied}. */
    public static void checkTemplate(String template, Collection<String> supplied) {
        checkTemplate("run name", template, supplied);
    }

    /** Like {@link #checkTemplate(String, Collection)} for the template of {@code what} ("run description", ...). */
    public static void checkTemplate(String what, String template, Collection<String> supplied) {
        TreeSet<String> known = new TreeSet<>(BUILT_INS);
        known.addAll(supplied);
        Matcher m = VARIABLE.matcher(template);
        while (m.find()) {
            if (!known.contains(m.group(1))) {
                throw new InvalidSettingsException("The " + what + " template uses the unknown variable ${" + m.group(1)
                        + "}; known variables are " + known.stream().map(v -> "${" + v + "}")
                                .collect(Collectors.joining(", ")) + ".");
            }
        }
    }

    /** Every variable's value for these results: the built-ins, then the front end's (which may override). */
    public static Map<String, String> variables(CollectedResults results, Map<String, String> supplied, Instant now) {
        Map<String, String> values = new LinkedHashMap<>();
        String suites = results.suites().stream().map(SuiteResult::name).distinct().collect(Collectors.joining(", "));
        String plan = results.kind() == RunKind.TEST_PLAN ? results.testPlanName() : "";
        values.put("LOADMILL_NAME", plan.isBlank() ? suites : plan);
        values.put("LOADMILL_PLAN", plan);
        values.put("LOADMILL_SUITE", suites);
        values.put("LOADMILL_RUN_ID", results.runId());
        values.put("LOADMILL_URL", results.runUrl());
        values.put("DATE", DATE.format(now));
        values.putAll(supplied);
        return values;
    }

    /** The template filled in, cleaned and cut to TestRail's 250 characters. */
    public static String render(String template, Map<String, String> variables) {
        checkTemplate(template, variables.keySet());
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.get(m.group(1))));
        }
        m.appendTail(out);
        String name = Names.clean(out.toString());
        if (name.codePointCount(0, name.length()) > MAX_NAME) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME - 1)) + "…";
        }
        return name.isEmpty() ? "Loadmill results" : name;
    }

    /**
     * The description of a created run or plan: {@code template} filled in (line breaks kept), or
     * the {@linkplain #description(Map) default} when the template is blank; cut to
     * {@link #MAX_DESCRIPTION} characters.
     */
    public static String description(String template, Map<String, String> variables) {
        String text = template.isBlank() ? description(variables) : fill("run description", template, variables).strip();
        return text.length() <= MAX_DESCRIPTION ? text : text.substring(0, MAX_DESCRIPTION - 1) + "…";
    }

    /**
     * The references of a created run or plan entry: {@code template} filled in, as a comma-separated
     * list without blanks or repeats; when longer than {@link #MAX_REFS}, the references that fit,
     * whole, in order (the caller warns with {@link #refsDropped}).
     */
    public static String refs(String template, Map<String, String> variables) {
        return String.join(",", splitRefs(template, variables)[0]);
    }

    /** The references of {@code template} that {@link #refs} left out for TestRail's limit, or "". */
    public static String refsDropped(String template, Map<String, String> variables) {
        return String.join(", ", splitRefs(template, variables)[1]);
    }

    /** [kept, dropped] references of the filled-in template. */
    @SuppressWarnings("unchecked")
    private static java.util.List<String>[] splitRefs(String template, Map<String, String> variables) {
        java.util.List<String> kept = new java.util.ArrayList<>();
        java.util.List<String> dropped = new java.util.ArrayList<>();
        if (!template.isBlank()) {
            int length = 0;
            for (String ref : fill("run references", template, variables).split(",")) {
                String clean = Names.clean(ref);
                if (clean.isEmpty() || kept.contains(clean) || dropped.contains(clean)) {
                    continue;
                }
                int grown = length + (kept.isEmpty() ? 0 : 1) + clean.length();
                if (grown <= MAX_REFS) {
                    kept.add(clean);
                    length = grown;
                } else {
                    dropped.add(clean);
                }
            }
        }
        return new java.util.List[] {kept, dropped};
    }

    private static String fill(String what, String template, Map<String, String> variables) {
        checkTemplate(what, template, variables.keySet());
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(variables.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A description linking back to the Loadmill run and, when given, the build. */
    public static String description(Map<String, String> variables) {
        StringBuilder text = new StringBuilder("Results from Loadmill");
        String name = variables.getOrDefault("LOADMILL_NAME", "");
        if (!name.isBlank()) {
            text.append(": ").append(name);
        }
        text.append('\n');
        String url = variables.getOrDefault("LOADMILL_URL", "");
        if (!url.isBlank()) {
            text.append("Loadmill run: ").append(url).append('\n');
        }
        String build = variables.getOrDefault("BUILD_URL", "");
        if (!build.isBlank()) {
            text.append("Build: ").append(build).append('\n');
        }
        return text.toString().strip();
    }
}
