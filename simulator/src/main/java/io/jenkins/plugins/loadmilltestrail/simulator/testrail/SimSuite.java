package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A suite; single-suite projects have one, the master. */
public record SimSuite(long id, long projectId, String name, String description, boolean master, boolean completed) {}
