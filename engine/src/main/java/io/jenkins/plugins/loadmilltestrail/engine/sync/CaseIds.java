package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TestRail case ids as users write them: "C123" or "123". */
public final class CaseIds {
    private static final Pattern ID = Pattern.compile("[cC]?([1-9][0-9]{0,17})");
    /** A "C123" token in a flow name: a capital C, digits, and no letter or digit on either side. */
    private static final Pattern TOKEN = Pattern.compile("(?<![\\p{L}\\p{N}_])C([1-9][0-9]{0,17})(?![\\p{L}\\p{N}_])");

    private CaseIds() {}

    /**
     * Parses "C123", "c123" or "123".
     *
     * @param what names the setting in the error message, e.g. "case pin 'Login=C12x'"
     */
    public static long parse(String text, String what) {
        Matcher m = ID.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidSettingsException("The TestRail case id '" + text.strip() + "' in " + what
                    + " is not valid; write it as C123 or 123 (the id shown in TestRail, not the title).");
        }
        return Long.parseLong(m.group(1));
    }

    /** Every "C123" token in a flow name, in order, without repeats. */
    public static List<Long> tokensIn(String flowName) {
        List<Long> ids = new ArrayList<>();
        Matcher m = TOKEN.matcher(flowName);
        while (m.find()) {
            long id = Long.parseLong(m.group(1));
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** "C123". */
    public static String format(long caseId) {
        return "C" + caseId;
    }
}
