package io.jenkins.plugins.loadmilltestrail.engine.sync;

/** How flows find their TestRail cases. */
public enum MatchMode {
    /** Suite ↔ suite (or section) and flow ↔ case by name; pins override. */
    NAME,
    /** Only pinned flows (case map or C123 tokens) are published. */
    ID
}
