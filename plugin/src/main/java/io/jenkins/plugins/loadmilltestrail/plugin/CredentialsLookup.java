package io.jenkins.plugins.loadmilltestrail.plugin;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.springframework.security.core.Authentication;

/**
 * Credential look-ups for the configuration pages and for builds, following the credentials
 * plugin's consumer guide: drop-downs list ids only to users who may configure, builds resolve ids
 * against the run (which handles credentials parameters and the build's authentication).
 */
final class CredentialsLookup {
    private CredentialsLookup() {}

    /** Domain requirements for a service URL; empty when the URL is blank or not a URL. */
    static List<DomainRequirement> requirementsFor(@CheckForNull String url) {
        String value = Util.fixEmptyAndTrim(url);
        return value == null ? List.of() : URIRequirementBuilder.fromUri(value).build();
    }

    /**
     * What the global page may offer: Global-scoped credentials only. At the Jenkins root the system
     * store also returns System-scoped ones, which no job can see, so a build would fail with "no
     * credential" although "Test connection" succeeded.
     */
    private static final CredentialsMatcher USABLE_BY_JOBS = CredentialsMatchers.withScope(CredentialsScope.GLOBAL);

    /**
     * The drop-down on the global configuration page: Global-scoped credentials of the type.
     * Anyone without Overall/Administer sees only the current value, never the ids of other
     * credentials.
     */
    static <C extends StandardCredentials> ListBoxModel listForGlobal(
            Class<C> type, @CheckForNull String url, @CheckForNull String currentValue) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(currentValue);
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            result.includeCurrentValue(current);
            return result;
        }
        result.includeEmptyValue()
                .includeMatchingAs(ACL.SYSTEM2, Jenkins.get(), type, requirementsFor(url), USABLE_BY_JOBS)
                .includeCurrentValue(current);
        return result;
    }

    /**
     * The drop-down in a job's configuration (or the Snippet Generator). Without a job, requires
     * Overall/Administer; in a job, Item/Extended Read or Credentials/Use Item. Others see only the
     * current value.
     */
    static <C extends StandardCredentials> ListBoxModel listForItem(
            @CheckForNull Item item, Class<C> type, @CheckForNull String url, @CheckForNull String currentValue) {
        StandardListBoxModel result = new StandardListBoxModel();
        String current = Util.fixNull(currentValue);
        if (item == null) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                result.includeCurrentValue(current);
                return result;
            }
        } else if (!item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
            result.includeCurrentValue(current);
            return result;
        }
        Authentication authentication =
                item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
        result.includeEmptyValue();
        if (item == null) {
            result.includeMatchingAs(
                    authentication, Jenkins.get(), type, requirementsFor(url), CredentialsMatchers.always());
        } else {
            result.includeMatchingAs(authentication, item, type, requirementsFor(url), CredentialsMatchers.always());
        }
        result.includeCurrentValue(current);
        return result;
    }

    /**
     * A Global-scoped credential for the global page's checks and "Test connection" buttons (the
     * caller has checked Administer); null when there is none of that id, type and scope.
     */
    @CheckForNull
    static <C extends StandardCredentials> C findForGlobal(
            @CheckForNull String id, Class<C> type, @CheckForNull String url) {
        StandardCredentials found = findAnyForGlobal(id, url);
        return type.isInstance(found) && USABLE_BY_JOBS.matches(found) ? type.cast(found) : null;
    }

    @CheckForNull
    private static StandardCredentials findAnyForGlobal(@CheckForNull String id, @CheckForNull String url) {
        String value = Util.fixEmptyAndTrim(id);
        if (value == null) {
            return null;
        }
        return CredentialsProvider.findCredentialByIdInItemGroup(
                value, StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirementsFor(url));
    }

    /**
     * The global page's check of a selected credential id: it exists, is of the expected kind, and
     * jobs can use it (Global scope). The caller has checked Administer.
     */
    static <C extends StandardCredentials> FormValidation checkForGlobal(
            @CheckForNull String id, Class<C> type, @CheckForNull String url, String kind) {
        if (Util.fixEmptyAndTrim(id) == null) {
            return FormValidation.warning("Select a " + kind + " credential; builds need one.");
        }
        String problem = problemForGlobal(id, type, url, kind);
        return problem == null ? FormValidation.ok() : FormValidation.error(problem);
    }

    /**
     * Why the global page cannot use this credential id (none selected, none of that id, another
     * kind, System scope), or null when it can.
     */
    @CheckForNull
    static <C extends StandardCredentials> String problemForGlobal(
            @CheckForNull String id, Class<C> type, @CheckForNull String url, String kind) {
        String value = Util.fixEmptyAndTrim(id);
        StandardCredentials found = findAnyForGlobal(value, url);
        if (value == null || found == null) {
            return missingMessage(value, kind);
        }
        if (!type.isInstance(found)) {
            return "Credential '" + value + "' is not a " + kind + " credential; select one of that kind.";
        }
        if (!USABLE_BY_JOBS.matches(found)) {
            return "Credential '" + value + "' has the System scope, which jobs cannot use; select a Global-scoped"
                    + " credential or change its scope to Global under Manage Jenkins > Credentials.";
        }
        return null;
    }

    /**
     * Resolves a credential for a build, tracks its use, and fails with a message naming the id and
     * the expected kind when it is missing or of another kind.
     *
     * @param kind what the user should create, e.g. "Secret text (Loadmill API token)"
     * @param setting where the id was configured, for the message
     */
    static <C extends StandardCredentials> C findForRun(
            @CheckForNull String id,
            Class<C> type,
            Run<?, ?> run,
            @CheckForNull String url,
            String kind,
            String setting)
            throws AbortException {
        String value = Util.fixEmptyAndTrim(id);
        if (value == null) {
            throw new AbortException("No " + kind + " credential is configured: set " + setting
                    + " in Manage Jenkins > System > Loadmill → TestRail, or in the job.");
        }
        List<DomainRequirement> requirements = requirementsFor(url);
        C credential = CredentialsProvider.findCredentialById(value, type, run, requirements);
        if (credential == null) {
            StandardCredentials other =
                    CredentialsProvider.findCredentialById(value, StandardCredentials.class, run, requirements);
            if (other != null) {
                throw new AbortException("Credential '" + value + "' is not a " + kind + " credential; " + "change "
                        + setting + " to a credential of that kind.");
            }
            throw new AbortException(missingMessage(value, kind));
        }
        CredentialsProvider.track(run, credential);
        return credential;
    }

    static String missingMessage(@CheckForNull String id, String kind) {
        String value = Util.fixEmptyAndTrim(id);
        if (value == null) {
            return "Select a " + kind + " credential.";
        }
        return "No " + kind + " credential with id '" + value
                + "' is available; add it under Manage Jenkins > Credentials (or the folder's credentials) or fix the"
                + " id.";
    }
}
