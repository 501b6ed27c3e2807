package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import java.util.regex.Pattern;

/**
 * Recovers a suite's (or plan's) own name from its run description. Loadmill appends our
 * {@code additionalDescription} to every suite run's description ("Orders API Jenkins build #12"),
 * and TestRail matching needs the bare "Orders API".
 */
final class SuiteNameResolver {
    /** Separators people and Loadmill put between the name and the appended text. */
    private static final Pattern TRAILING_SEPARATORS = Pattern.compile("[\\s\\-–—|:,]+$");

    private final String additionalDescription;

    SuiteNameResolver(String additionalDescription) {
        this.additionalDescription = additionalDescription.trim();
    }

    /** The description without the additional description we sent; unchanged when it is not there. */
    String name(String runDescription) {
        String description = runDescription.trim();
        if (additionalDescription.isEmpty() || !description.endsWith(additionalDescription)) {
            return description;
        }
        String before = description.substring(0, description.length() - additionalDescription.length());
        if (!before.isEmpty() && !TRAILING_SEPARATORS.matcher(before.substring(before.length() - 1)).find()) {
            return description; // "Orders APIbuild 3" was not made by appending "build 3"
        }
        String name = TRAILING_SEPARATORS.matcher(before).replaceAll("");
        // A suite named exactly like the additional description keeps its name.
        return name.isEmpty() ? description : name;
    }
}
