package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** Seeds sections into one suite. */
public final class SuiteSeed {
    private final TestRailStore store;
    private final SimSuite suite;

    SuiteSeed(TestRailStore store, SimSuite suite) {
        this.store = store;
        this.suite = suite;
    }

    public long id() {
        return suite.id();
    }

    public SimSuite suite() {
        return suite;
    }

    /** A root section. */
    public SectionSeed addSection(String name) {
        return new SectionSeed(store, store.addSection(suite.id(), 0, name, ""));
    }
}
