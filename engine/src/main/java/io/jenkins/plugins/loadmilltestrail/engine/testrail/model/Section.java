package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

import java.util.OptionalLong;

public record Section(long id, long suiteId, String name, OptionalLong parentId, int depth, int displayOrder) {}
