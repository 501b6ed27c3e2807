package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

public record Milestone(long id, long projectId, String name, boolean completed) {}
