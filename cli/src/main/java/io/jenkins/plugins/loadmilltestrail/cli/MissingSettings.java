package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the required settings a command lacks, so that all of them are reported at once, each
 * with the option and the environment variable that set it, instead of one per attempt.
 */
final class MissingSettings {
    private final List<String> missing = new ArrayList<>();

    /** Notes {@code what} as missing when {@code value} is null or blank. */
    MissingSettings require(String value, String what, String howToSet) {
        if (value == null || value.isBlank()) {
            missing.add(what + ": " + howToSet);
        }
        return this;
    }

    /** "give --testrail-url or set TESTRAIL_URL" */
    static String optionOrVariable(String option, String variable) {
        return "give " + option + " or set " + variable;
    }

    /** "set TESTRAIL_API_KEY (or give --testrail-key)": secrets belong in the environment. */
    static String secret(String variable, String option) {
        return "set " + variable + " (or give " + option + ")";
    }

    /** Throws when anything is missing; the message lists every missing setting. */
    void check() {
        if (missing.size() == 1) {
            throw new InvalidSettingsException("Missing " + missing.get(0) + ".");
        }
        if (!missing.isEmpty()) {
            throw new InvalidSettingsException(missing.size() + " required settings are missing:"
                    + missing.stream().map(m -> System.lineSeparator() + "  " + m).reduce("", String::concat));
        }
    }
}
