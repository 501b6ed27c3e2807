package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * One entry of a job's suite map: a Loadmill suite published to a given TestRail suite (projects
 * with multiple suites) or section (single-suite projects), by id or by name.
 */
public final class SuiteMapping implements Describable<SuiteMapping> {
    private final String loadmillSuite;
    private final String testRailSuite;

    /**
     * @param loadmillSuite the Loadmill suite name
     * @param testRailSuite the TestRail suite (or section) id or name
     */
    @DataBoundConstructor
    public SuiteMapping(@CheckForNull String loadmillSuite, @CheckForNull String testRailSuite) {
        this.loadmillSuite = Util.fixNull(loadmillSuite).trim();
        this.testRailSuite = Util.fixNull(testRailSuite).trim();
    }

    public String getLoadmillSuite() {
        return loadmillSuite;
    }

    public String getTestRailSuite() {
        return testRailSuite;
    }

    @Extension
    @Symbol("suiteMapping")
    public static final class DescriptorImpl extends Descriptor<SuiteMapping> {
        @Override
        public String getDisplayName() {
            return "Loadmill suite → TestRail suite";
        }
    }
}
