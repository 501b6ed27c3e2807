package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A project; {@code suiteMode} 1 single suite, 2 single suite with baselines, 3 multiple suites. */
public record SimProject(long id, String name, int suiteMode, boolean completed) {}
