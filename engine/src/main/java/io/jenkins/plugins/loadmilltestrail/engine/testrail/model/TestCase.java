package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** A TestRail case. Titles come back as TestRail stored them (possibly HTML-escaped). */
public record TestCase(long id, long suiteId, long sectionId, String title, int displayOrder) {}
