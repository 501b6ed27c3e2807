package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/** Seeds suites and milestones into one project. */
public final class ProjectSeed {
    private final TestRailStore store;
    private final SimProject project;

    ProjectSeed(TestRailStore store, SimProject project) {
        this.store = store;
        this.project = project;
    }

    public long id() {
        return project.id();
    }

    public SimProject project() {
        return project;
    }

    /** A suite; TestRail allows this in suite mode 3 only, seeding allows it anywhere (baselines). */
    public SuiteSeed addSuite(String name) {
        return new SuiteSeed(store, store.addSuite(project.id(), name, ""));
    }

    /** The master suite that single-suite projects (modes 1 and 2) have from the start. */
    public SuiteSeed masterSuite() {
        return new SuiteSeed(store, store.masterSuite(project.id())
                .orElseThrow(() -> new IllegalStateException("project " + project.id() + " has no suite yet")));
    }

    public SimMilestone addMilestone(String name) {
        return store.addMilestone(project.id(), name, false);
    }

    /** A completed milestone (TestRail still lists it; it can still be chosen by id or name). */
    public SimMilestone addCompletedMilestone(String name) {
        return store.addMilestone(project.id(), name, true);
    }

    /** An open run of the suite with every case of it, as if made in TestRail's UI. */
    public SimRun addRun(long suiteId, String name) {
        return store.addRun(project.id(), suiteId, name, "", 0, true, java.util.List.of(), 0, "");
    }

    /** An open plan without entries, as if made in TestRail's UI. */
    public SimPlan addPlan(String name) {
        return store.addPlan(project.id(), name, "", 0);
    }

    /** Marks the project completed (archived). */
    public ProjectSeed complete() {
        store.completeProject(project.id());
        return this;
    }
}
