package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

public record Project(long id, String name, SuiteMode suiteMode, boolean completed, String url) {}
