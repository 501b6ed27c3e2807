package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loadmill parameter overrides written as text, one {@code NAME=VALUE} per line (the Jenkins
 * plugin's "parameters" field). Blank lines and lines starting with {@code #} are ignored; each
 * line is split at its first {@code =}; name and value are trimmed; a later line with the same
 * name wins.
 */
public final class LoadmillParameters {
    private LoadmillParameters() {}

    /**
     * The parameters in the order written.
     *
     * @param text the lines, or null for none
     * @throws InvalidSettingsException for a line without {@code =} or with an empty name. The
     *     message names the line by its number only: values may hold secrets.
     */
    public static Map<String, String> parse(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (text == null) {
            return parameters;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InvalidSettingsException("Loadmill parameter line " + (i + 1)
                        + " has no '='; write one NAME=VALUE per line.");
            }
            String name = line.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new InvalidSettingsException("Loadmill parameter line " + (i + 1)
                        + " has an empty name before '='; write one NAME=VALUE per line.");
            }
            parameters.put(name, line.substring(eq + 1).strip());
        }
        return parameters;
    }
}
