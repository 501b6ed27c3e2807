package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses case pins as the front ends take them: {@code Suite/Flow=C123}, {@code Flow=123}, or
 * {@code /Flow/with/slashes=C123} (a leading "/" means "any suite", for flow names that contain "/").
 */
public final class CasePins {
    private CasePins() {}

    /** One pin, e.g. "Checkout/Pay by card=C123". */
    public static CasePin parse(String text) {
        String entry = text.strip();
        // The case id never contains "=", the flow name might: split at the last one.
        int eq = entry.lastIndexOf('=');
        if (eq <= 0 || eq == entry.length() - 1) {
            throw new InvalidSettingsException("The case pin '" + entry + "' is not valid; write it as "
                    + "Suite/Flow=C123 or Flow=C123.");
        }
        String flowPart = entry.substring(0, eq).strip();
        long caseId = CaseIds.parse(entry.substring(eq + 1), "case pin '" + entry + "'");
        int slash = flowPart.indexOf('/');
        String suite = slash < 0 ? "" : flowPart.substring(0, slash).strip();
        String flow = slash < 0 ? flowPart : flowPart.substring(slash + 1).strip();
        if (flow.isEmpty()) {
            throw new InvalidSettingsException("The case pin '" + entry + "' names no flow; write it as "
                    + "Suite/Flow=C123 or Flow=C123.");
        }
        return new CasePin(suite, flow, caseId);
    }

    /** One pin per line; blank lines and lines starting with "#" are ignored. */
    public static List<CasePin> parseLines(String text) {
        List<CasePin> pins = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.strip().startsWith("#")) {
                pins.add(parse(line));
            }
        }
        return pins;
    }

    /** The text form {@link #parse} reads back. */
    public static String format(CasePin pin) {
        return pin.suite() + "/" + pin.flow() + "=" + CaseIds.format(pin.caseId());
    }

    /**
     * True when {@code pin} names this flow. A pin without suite also matches a flow whose own
     * name is "suite/flow" as written, so "A/B=C1" pins both flow "B" of suite "A" and a flow named "A/B".
     */
    static boolean pins(CasePin pin, String suiteName, String flowName, Names names) {
        String flowKey = names.key(flowName);
        if (pin.suite().isEmpty()) {
            return names.key(pin.flow()).equals(flowKey);
        }
        return (names.key(pin.suite()).equals(names.key(suiteName)) && names.key(pin.flow()).equals(flowKey))
                || names.key(pin.suite() + "/" + pin.flow()).equals(flowKey);
    }
}
