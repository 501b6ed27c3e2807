package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

public record Suite(long id, long projectId, String name, String description, boolean master, boolean baseline,
        boolean completed, String url) {}
