package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.OptionalLong;

/** A TestRail run (possibly inside a plan). */
public record TestRun(long id, long projectId, long suiteId, String name, boolean completed, OptionalLong planId,
        String entryId, String url) {}
