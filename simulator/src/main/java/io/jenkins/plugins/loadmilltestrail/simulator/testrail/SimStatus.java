package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A result status: system (1 passed, 2 blocked, 3 untested, 4 retest, 5 failed) or custom (6+). */
public record SimStatus(int id, String name, String label, boolean system, boolean untested) {}
