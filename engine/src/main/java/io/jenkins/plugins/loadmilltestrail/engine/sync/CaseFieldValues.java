package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.Arrays;
import java.util.Locale;

/** Turns a configured case field default (text) into the JSON value TestRail expects for the field's type. */
final class CaseFieldValues {
    private CaseFieldValues() {}

    /** @param typeId TestRail's field type: 2 Integer, 5 Checkbox, 6 Dropdown, 7 User, 9 Milestone, 12 Multi-select */
    static Object typed(int typeId, String value, String field) {
        String v = value.strip();
        try {
            switch (typeId) {
                case 2, 6, 7, 9:
                    return Integer.valueOf(v);
                case 5:
                    return Boolean.valueOf(v.equals("1") || v.toLowerCase(Locale.ROOT).equals("true")
                            || v.toLowerCase(Locale.ROOT).equals("yes"));
                case 12:
                    return Arrays.stream(v.split(",")).map(String::strip).filter(x -> !x.isEmpty()).map(Integer::valueOf)
                            .toList();
                default:
                    return value;
            }
        } catch (NumberFormatException e) {
            throw new InvalidSettingsException("The case field default for " + field + " must be a number (an id"
                    + (typeId == 12 ? ", or ids separated by commas" : "") + "); got '" + value + "'.");
        }
    }
}
