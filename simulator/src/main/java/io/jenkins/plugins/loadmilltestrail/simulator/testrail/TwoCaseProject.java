package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/**
 * The smallest useful TestRail content, for tests on both sides of the API: project "Checkout"
 * (multiple suites) → one suite → section "Loadmill" → cases "Create order" and "Cancel order".
 */
public record TwoCaseProject(ProjectSeed project, SuiteSeed suite, SectionSeed section, SimCase first,
        SimCase second) {

    /** Seeds it into {@code sim}, the suite named {@code suiteName}. */
    public static TwoCaseProject seed(TestRailSimulator sim, String suiteName) {
        ProjectSeed project = sim.addProject("Checkout", TestRailSimulator.MULTIPLE_SUITES);
        SuiteSeed suite = project.addSuite(suiteName);
        SectionSeed section = suite.addSection("Loadmill");
        return new TwoCaseProject(project, suite, section, section.addCase("Create order"),
                section.addCase("Cancel order"));
    }
}
