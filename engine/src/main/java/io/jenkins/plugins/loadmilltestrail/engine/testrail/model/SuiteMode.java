package io.jenkins.plugins.loadmilltestrail.engine.testrail.model;

/** A TestRail project's suite_mode. */
public enum SuiteMode {
    /** 1: one suite; suite_id optional. */
    SINGLE_SUITE(1),
    /** 2: one master suite plus baselines. */
    SINGLE_SUITE_BASELINES(2),
    /** 3: many suites; suite_id required. */
    MULTIPLE_SUITES(3);

    private final int id;

    SuiteMode(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    public static SuiteMode of(int id) {
        for (SuiteMode mode : values()) {
            if (mode.id == id) {
                return mode;
            }
        }
        // Unknown future modes behave like the strictest known one.
        return MULTIPLE_SUITES;
    }
}
