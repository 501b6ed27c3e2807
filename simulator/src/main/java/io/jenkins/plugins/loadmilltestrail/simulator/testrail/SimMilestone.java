package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A milestone of a project. */
public record SimMilestone(long id, long projectId, String name, boolean completed) {}
