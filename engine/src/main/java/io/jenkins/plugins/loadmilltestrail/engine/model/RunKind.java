package io.jenkins.plugins.loadmilltestrail.engine.model;

/** What was started in Loadmill. */
public enum RunKind {
    /** One test plan run, holding several suite runs. */
    TEST_PLAN,
    /** One or more test suite runs started directly. */
    TEST_SUITES
}
