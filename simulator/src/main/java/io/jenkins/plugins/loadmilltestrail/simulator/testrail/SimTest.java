package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** A test: one case in one run, with its latest status (3 untested until a result arrives). */
public record SimTest(long id, long runId, long caseId, int statusId) {}
