package io.jenkins.plugins.loadmilltestrail.plugin;

import hudson.model.TaskListener;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import java.io.PrintStream;

/**
 * Engine progress → build log. The engine never passes secrets here; lines are prefixed so they are
 * easy to find in a long log. Thread-safe: {@link PrintStream#println(String)} is synchronized.
 */
final class BuildLogListener implements ProgressListener {
    private static final String PREFIX = "[Loadmill → TestRail] ";

    private final PrintStream out;

    BuildLogListener(TaskListener listener) {
        this.out = listener.getLogger();
    }

    @Override
    public void phase(String message) {
        out.println(PREFIX + message);
    }

    @Override
    public void info(String message) {
        out.println(PREFIX + "  " + message);
    }

    @Override
    public void warn(String message) {
        out.println(PREFIX + "WARNING: " + message);
    }
}
