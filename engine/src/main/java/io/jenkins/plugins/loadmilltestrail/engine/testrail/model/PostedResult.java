package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** One result TestRail stored, in request order. */
public record PostedResult(long id, long testId, int statusId) {}
