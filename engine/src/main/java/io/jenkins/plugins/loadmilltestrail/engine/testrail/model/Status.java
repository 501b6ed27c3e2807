package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** A result status from get_statuses: system (1 passed, 2 blocked, 3 untested, 4 retest, 5 failed) or custom. */
public record Status(int id, String name, String label, boolean untested, boolean system) {}
