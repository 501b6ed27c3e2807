package io.jenkins.plugins.loadmilltestrail.engine.sync;

/** A TestRail run the publish created or used. */
public record PublishedRun(long runId, long suiteId, String name, String url) {}
