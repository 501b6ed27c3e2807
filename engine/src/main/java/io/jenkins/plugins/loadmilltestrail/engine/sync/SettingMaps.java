package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parses the "name=value" maps the front ends take, one entry per line (blank lines and "#" lines
 * ignored): the suite map, the status map and the case field defaults.
 */
public final class SettingMaps {
    private SettingMaps() {}

    /**
     * Loadmill suite → TestRail suite (or section in single-suite projects), by id or name, e.g.
     * "Checkout API=Checkout" or "Checkout API=S31" / "31".
     */
    public static Map<String, String> parseSuiteMap(String text) {
        return parse(text, "suite map", "Loadmill suite", "Loadmill suite=TestRail suite (name or id)", Names::clean);
    }

    /**
     * Loadmill status → TestRail status name or label, e.g. "FLAKY=Retest". Keys are upper-cased
     * (PASSED, FAILED, FLAKY, STOPPED, or any other status Loadmill reports).
     */
    public static Map<String, String> parseStatusMap(String text) {
        return parse(text, "status map", "Loadmill status", "LOADMILL_STATUS=TestRail status, e.g. FLAKY=Retest",
                k -> k.toUpperCase(Locale.ROOT));
    }

    /**
     * Values for case fields when cases are created: TestRail system name → value, e.g.
     * "custom_automation_type=1" or "type_id=7".
     */
    public static Map<String, String> parseCaseFieldDefaults(String text) {
        return parse(text, "case field defaults", "field", "system_name=value, e.g. custom_automation_type=1", k -> k);
    }

    /** One "key=value" per line, split at the first "="; a key given twice is an error. */
    private static Map<String, String> parse(String text, String what, String keyName, String form,
            UnaryOperator<String> key) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] kv = split(line, what, form);
            if (map.putIfAbsent(key.apply(kv[0]), kv[1]) != null) {
                throw new InvalidSettingsException("The " + what + " names the " + keyName + " '" + kv[0]
                        + "' twice; give each " + keyName + " once.");
            }
        }
        return map;
    }

    /** A TestRail suite or section reference: an id ("31", "S31") or a name. */
    static java.util.OptionalLong idOf(String reference) {
        String s = reference.strip();
        if (s.matches("[sS]?[1-9][0-9]{0,17}")) {
            return java.util.OptionalLong.of(Long.parseLong(s.replaceFirst("^[sS]", "")));
        }
        return java.util.OptionalLong.empty();
    }

    private static String[] split(String line, String what, String form) {
        String entry = line.strip();
        int eq = entry.indexOf('=');
        if (eq <= 0 || eq == entry.length() - 1 || entry.substring(0, eq).isBlank()
                || entry.substring(eq + 1).isBlank()) {
            throw new InvalidSettingsException("The " + what + " entry '" + entry + "' is not valid; write it as "
                    + form + ".");
        }
        return new String[] {entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()};
    }
}
