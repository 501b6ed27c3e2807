package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** A test: one case inside one run (get_tests). */
public record Test(long id, long caseId, long runId, int statusId, String title) {}
