package io.jenkins.plugins.loadmilltestrail.plugin;

import hudson.model.TaskListener;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Engine progress → build log. The engine never passes secrets here; lines are prefixed so they are
 * easy to find in a long log. Thread-safe: {@link PrintStream#println(String)} is synchronized.
 */
final class BuildLogListener implements ProgressListener {
    private static final String PREFIX = "[Loadmill → TestRail] ";

    private final PrintStream out;
    private final Path buildDir;

    /** @param buildDir the build's directory on the controller, named relatively in the log */
    BuildLogListener(TaskListener listener, Path buildDir) {
        this.out = listener.getLogger();
        this.buildDir = buildDir;
    }

    /** A file kept with the build, as a path relative to the build's directory; never a controller path. */
    @Override
    public String displayPath(Path file) {
        if (file.startsWith(buildDir)) {
            return buildDir.relativize(file).toString().replace('\\', '/') + " in the build's directory";
        }
        Path name = file.getFileName();
        return name == null ? "" : name.toString();
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
