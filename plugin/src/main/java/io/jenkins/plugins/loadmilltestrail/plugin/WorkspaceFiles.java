package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import java.io.File;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Copies the engine's local result files (written on the controller) into the workspace, which may
 * be on an agent: always through {@link FilePath}, never {@link java.io.File} on the workspace side.
 * Paths must stay inside the workspace, also after symbolic links are followed.
 */
final class WorkspaceFiles {
    private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]+");

    private WorkspaceFiles() {}

    /** Why a configured workspace path is not acceptable, or null when it is. */
    @CheckForNull
    static String problemWith(@CheckForNull String path) {
        if (path == null || path.isBlank()) {
            return null; // the default is used
        }
        String value = path.trim();
        if (value.startsWith("/") || value.startsWith("\\") || value.matches("^[A-Za-z]:.*")) {
            return "Use a path relative to the workspace, e.g. reports/loadmill.json.";
        }
        for (String segment : SEPARATORS.split(value)) {
            if (segment.equals("..")) {
                return "The path must stay inside the workspace (no '..').";
            }
        }
        return null;
    }

    /**
     * Copies a local file into the workspace at a relative path, creating parent directories.
     *
     * @return the workspace-relative path as the build log names it (never the agent's path)
     */
    static String copyIntoWorkspace(File local, FilePath workspace, String relativePath)
            throws IOException, InterruptedException {
        String problem = problemWith(relativePath);
        if (problem != null) {
            throw new IOException("Workspace path '" + relativePath + "': " + problem);
        }
        String path = relativePath.trim();
        // The name alone cannot tell: a directory in the checkout may be a symbolic link to
        // elsewhere. FilePath.isDescendant resolves links where the workspace is (on the agent).
        // It answers false when the workspace directory does not exist yet, so create that first.
        workspace.mkdirs();
        if (!workspace.isDescendant(path)) {
            throw new IOException("Workspace path '" + path + "' leads outside the workspace through a symbolic"
                    + " link; use a path that stays inside the workspace.");
        }
        FilePath target = workspace.child(path);
        FilePath parent = target.getParent();
        if (parent != null) {
            parent.mkdirs();
        }
        target.copyFrom(new FilePath(local));
        return path + " in the workspace";
    }
}
