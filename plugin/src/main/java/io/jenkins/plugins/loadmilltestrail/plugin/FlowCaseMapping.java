package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * One entry of a job's case map: a Loadmill flow pinned to a TestRail case id. Pins win over name
 * matching; with matching "id" only pinned flows are published.
 */
public final class FlowCaseMapping implements Describable<FlowCaseMapping> {
    private final String flow;
    private final String caseId;

    @CheckForNull
    private String suite;

    /**
     * @param flow the Loadmill flow name, exactly as shown in Loadmill
     * @param caseId the TestRail case id, {@code C123} or {@code 123}
     */
    @DataBoundConstructor
    public FlowCaseMapping(@CheckForNull String flow, @CheckForNull String caseId) {
        this.flow = Util.fixNull(flow).trim();
        this.caseId = Util.fixNull(caseId).trim();
    }

    public String getFlow() {
        return flow;
    }

    public String getCaseId() {
        return caseId;
    }

    /** The Loadmill suite name the pin is limited to, or null for a flow of that name in any suite. */
    @CheckForNull
    public String getSuite() {
        return suite;
    }

    @DataBoundSetter
    public void setSuite(@CheckForNull String suite) {
        this.suite = Util.fixEmptyAndTrim(suite);
    }

    @Extension
    @Symbol("flowCase")
    public static final class DescriptorImpl extends Descriptor<FlowCaseMapping> {
        @Override
        public String getDisplayName() {
            return "Flow → TestRail case";
        }
    }
}
