package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

import java.util.Set;

/** A TestRail user: logs in with its email and API key (or password); may lack access to projects. */
public record SimUser(long id, String name, String email, String apiKey, Set<Long> deniedProjectIds) {
    public SimUser {
        deniedProjectIds = Set.copyOf(deniedProjectIds);
    }

    public boolean canAccess(long projectId) {
        return !deniedProjectIds.contains(projectId);
    }
}
