package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.springframework.security.core.Authentication;

/**
 * The form logic shared by the step's and the recorder's descriptors (drop-downs and checks), so
 * both pages behave alike. Credential drop-downs and checks are gated as the credentials plugin's
 * consumer guide says; nothing here contacts TestRail or Loadmill.
 */
final class JobForms {
    private JobForms() {}

    static ListBoxModel fillTestRailCredentials(@CheckForNull Item item, @CheckForNull String current) {
        return CredentialsLookup.listForItem(
                item,
                StandardUsernamePasswordCredentials.class,
                LoadmillTestRailConfiguration.get().getTestRailUrl(),
                current);
    }

    static ListBoxModel fillLoadmillCredentials(@CheckForNull Item item, @CheckForNull String current) {
        return CredentialsLookup.listForItem(
                item,
                StringCredentials.class,
                LoadmillTestRailConfiguration.get().getLoadmillUrl(),
                current);
    }

    static ListBoxModel matchingItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("By name (suites and flows ↔ TestRail suites and cases; pins win)", JobFields.MATCHING_NAME);
        items.add("By id only (only flows pinned to a case id are published)", JobFields.MATCHING_ID);
        return items;
    }

    static ListBoxModel triStateItems(boolean globalDefault) {
        ListBoxModel items = new ListBoxModel();
        items.add("Global default (" + (globalDefault ? "yes" : "no") + ")", "");
        items.add("Yes", "true");
        items.add("No", "false");
        return items;
    }

    static ListBoxModel failedFlowsResultItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Unstable", JobFields.RESULT_UNSTABLE);
        items.add("Failure", JobFields.RESULT_FAILURE);
        items.add("Leave the build result unchanged", JobFields.RESULT_UNCHANGED);
        return items;
    }

    static ListBoxModel publishErrorResultItems() {
        ListBoxModel items = new ListBoxModel();
        items.add("Failure", JobFields.RESULT_FAILURE);
        items.add("Unstable", JobFields.RESULT_UNSTABLE);
        items.add("Leave the build result unchanged", JobFields.RESULT_UNCHANGED);
        return items;
    }

    /**
     * Whether a job-level credential id exists for this job. Users who may not configure the job
     * (or, outside a job, administer Jenkins) learn nothing.
     */
    static FormValidation checkCredentialsId(@CheckForNull Item item, @CheckForNull String value) {
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return FormValidation.ok();
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            return FormValidation.ok();
        }
        String id = Util.fixEmptyAndTrim(value);
        if (id == null) {
            return FormValidation.ok("Uses the credential set in Manage Jenkins > System > Loadmill → TestRail.");
        }
        if (id.startsWith("${")) {
            return FormValidation.warning("Resolved when the build runs; it cannot be checked here.");
        }
        Authentication authentication =
                item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        ListBoxModel found = item == null
                ? CredentialsProvider.listCredentialsInItemGroup(
                        StandardCredentials.class, Jenkins.get(), authentication, null, CredentialsMatchers.withId(id))
                : CredentialsProvider.listCredentialsInItem(
                        StandardCredentials.class, item, authentication, null, CredentialsMatchers.withId(id));
        if (found.isEmpty()) {
            return FormValidation.warning("No credential with this id is visible to this job.");
        }
        return FormValidation.ok();
    }

    /** Workspace-relative path check for the results file and JUnit XML; no file access. */
    static FormValidation checkWorkspacePath(@CheckForNull String value) {
        String problem = WorkspaceFiles.problemWith(value);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }
}
