package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A section; {@code parentId} 0 for a root section. */
public record SimSection(long id, long projectId, long suiteId, long parentId, String name, String description, int depth,
        int displayOrder) {}
