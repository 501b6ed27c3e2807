package io.jenkins.plugins.loadmilltestrail.engine;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the durations users type in flags and Jenkins fields: {@code 200ms}, {@code 90s},
 * {@code 30m}, {@code 1h}, {@code 1h30m}, {@code 2d}, or ISO-8601 such as {@code PT5M}.
 */
public final class Durations {
    /** One or more number+unit parts, largest unit first; ms before m so "200ms" is not "200m s". */
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|d|h|m|s))+");

    private Durations() {}

    /**
     * Parses {@code text}.
     *
     * @param setting what the user set, named in the error, e.g. "--timeout" or "Timeout"
     * @throws InvalidSettingsException when the text is blank, malformed or negative
     */
    public static Duration parse(String text, String setting) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (value.isEmpty()) {
            throw invalid(setting, text, "it is empty");
        }
        if (value.startsWith("p")) {
            return parseIso(value, setting, text);
        }
        if (value.chars().allMatch(Character::isDigit)) {
            throw invalid(setting, text, "it has no unit; write e.g. " + value + "s");
        }
        if (!WHOLE.matcher(value).matches()) {
            throw invalid(setting, text, "it is not a duration");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(value);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid(setting, text, "it is too long");
        }
        return total;
    }

    /** For messages: "250 ms", "45 s", "2 min", "1 min 30 s"; "0 s" and "-5 s" for values refused as such. */
    public static String human(Duration d) {
        if (d.isNegative()) {
            return "-" + human(d.negated());
        }
        if (d.isZero()) {
            return "0 s";
        }
        long seconds = d.toSeconds();
        if (seconds >= 60) {
            return (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds > 0 ? seconds + " s" : d.toMillis() + " ms";
    }

    private static Duration parseIso(String value, String setting, String text) {
        Duration parsed;
        try {
            parsed = Duration.parse(value.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw invalid(setting, text, "it is not an ISO-8601 duration");
        }
        if (parsed.isNegative()) {
            throw invalid(setting, text, "it is negative");
        }
        return parsed;
    }

    private static InvalidSettingsException invalid(String setting, String text, String why) {
        return new InvalidSettingsException(setting + ": '" + (text == null ? "" : text.trim()) + "' cannot be read as a duration: "
                + why + ". Use e.g. 200ms, 90s, 30m, 1h, 1h30m or PT5M.");
    }
}
