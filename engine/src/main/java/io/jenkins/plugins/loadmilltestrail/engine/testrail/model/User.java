package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** Who the API answers as (for "test connection"). */
public record User(long id, String name, String email) {}
