package io.jenkins.plugins.loadmilltestrail.plugin;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Item;
import hudson.model.Run;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.HttpResponses;
import org.kohsuke.stapler.verb.POST;

/**
 * The build's "Loadmill → TestRail" page: counts, links to the TestRail run or plan and the Loadmill
 * run ({@code summary.jelly} on the build page), and every flow with its TestRail case and what was
 * posted ({@code index.jelly}).
 *
 * <p>Saved in build.xml, so it holds only what is safe to show: no credential, no token, no
 * Authorization header. Links are kept only when they are http(s) URLs; every text is escaped when
 * rendered.
 */
public class LoadmillTestRailAction implements RunAction2 {
    static final String URL_NAME = "loadmill-testrail";

    @CheckForNull
    private transient Run<?, ?> run;

    /**
     * Which call of the build this is: 1 for the first to finish, 2 for the next... (a build may
     * call the step several times). 0 in actions saved before the field existed: the only one.
     */
    private final int ordinal;

    private final int passed;
    private final int failed;
    private final int flaky;
    private final String loadmillRunUrl;
    private final String testRailPlanUrl;
    private final List<Link> testRailRuns;
    private final int createdSuites;
    private final int createdSections;
    private final int createdCases;
    private final int postedResults;
    private final List<String> unmatchedFlows;
    private final List<String> rejected;
    private final List<FlowRow> flows;
    private final String publishError;

    /** What this call publishes; null in actions saved before it was kept (no "Publish again" then). */
    @CheckForNull
    private final PublishRequest publishRequest;

    /** This call's directory under {@code <build dir>/loadmill-testrail/}; null in older actions. */
    @CheckForNull
    private final String callDirectory;

    LoadmillTestRailAction(
            int ordinal,
            int passed,
            int failed,
            int flaky,
            @CheckForNull String loadmillRunUrl,
            @CheckForNull String testRailPlanUrl,
            List<Link> testRailRuns,
            int createdSuites,
            int createdSections,
            int createdCases,
            int postedResults,
            List<String> unmatchedFlows,
            List<String> rejected,
            List<FlowRow> flows,
            @CheckForNull String publishError,
            @CheckForNull PublishRequest publishRequest,
            @CheckForNull String callDirectory) {
        this.ordinal = ordinal;
        this.passed = passed;
        this.failed = failed;
        this.flaky = flaky;
        this.loadmillRunUrl = webUrlOrEmpty(loadmillRunUrl);
        this.testRailPlanUrl = webUrlOrEmpty(testRailPlanUrl);
        this.testRailRuns = new ArrayList<>(testRailRuns);
        this.createdSuites = createdSuites;
        this.createdSections = createdSections;
        this.createdCases = createdCases;
        this.postedResults = postedResults;
        this.unmatchedFlows = new ArrayList<>(unmatchedFlows);
        this.rejected = new ArrayList<>(rejected);
        this.flows = new ArrayList<>(flows);
        this.publishError = publishError == null ? "" : publishError;
        this.publishRequest = publishRequest;
        this.callDirectory = callDirectory;
    }

    /** This page with another reason why publishing failed (a "Publish again" that failed before TestRail). */
    LoadmillTestRailAction withPublishError(String error) {
        return new LoadmillTestRailAction(
                ordinal,
                passed,
                failed,
                flaky,
                loadmillRunUrl,
                testRailPlanUrl,
                testRailRuns,
                createdSuites,
                createdSections,
                createdCases,
                postedResults,
                unmatchedFlows,
                rejected,
                flows,
                error,
                publishRequest,
                callDirectory);
    }

    /** The URL when it is an absolute http or https URL, else "" (never rendered as a link). */
    static String webUrlOrEmpty(@CheckForNull String url) {
        if (url == null || url.isBlank()) {
            return "";
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            if (scheme != null
                    && uri.getHost() != null
                    && (scheme.toLowerCase(Locale.ROOT).equals("http")
                            || scheme.toLowerCase(Locale.ROOT).equals("https"))) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // not a URL: not rendered as a link
        }
        return "";
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public String getIconFileName() {
        return "symbol-document-text";
    }

    /** "Loadmill → TestRail", then "Loadmill → TestRail (2)"... for further calls in one build. */
    @Override
    public String getDisplayName() {
        return title();
    }

    /** The display name, never null (Action declares getDisplayName nullable). */
    String title() {
        return ordinal <= 1 ? "Loadmill → TestRail" : "Loadmill → TestRail (" + ordinal + ")";
    }

    /** {@code loadmill-testrail}, then {@code loadmill-testrail-2}...: distinct for each call. */
    @Override
    public String getUrlName() {
        return urlName(ordinal);
    }

    static String urlName(int ordinal) {
        return ordinal <= 1 ? URL_NAME : URL_NAME + "-" + ordinal;
    }

    public int getOrdinal() {
        return Math.max(ordinal, 1);
    }

    public int getPassed() {
        return passed;
    }

    /** Flows that did not pass: failed, stopped, never ran, or an unknown status. */
    public int getFailed() {
        return failed;
    }

    /** Flows that passed on a retry; they count as passed. */
    public int getFlaky() {
        return flaky;
    }

    public int getTotal() {
        return passed + failed + flaky;
    }

    public String getLoadmillRunUrl() {
        return loadmillRunUrl;
    }

    public String getTestRailPlanUrl() {
        return testRailPlanUrl;
    }

    public List<Link> getTestRailRuns() {
        return testRailRuns;
    }

    public int getCreatedSuites() {
        return createdSuites;
    }

    public int getCreatedSections() {
        return createdSections;
    }

    public int getCreatedCases() {
        return createdCases;
    }

    public int getPostedResults() {
        return postedResults;
    }

    public List<String> getUnmatchedFlows() {
        return unmatchedFlows;
    }

    public List<String> getRejected() {
        return rejected;
    }

    public List<FlowRow> getFlows() {
        return flows;
    }

    /** Why publishing to TestRail failed after Loadmill results were collected, or "". */
    public String getPublishError() {
        return publishError;
    }

    /** What this call publishes, or null in actions saved before it was kept. */
    @CheckForNull
    PublishRequest publishRequest() {
        return publishRequest;
    }

    /** This call's directory on the controller, or null in actions saved before it was kept. */
    @CheckForNull
    Path callDirectory() {
        Run<?, ?> r = run;
        return r == null || callDirectory == null
                ? null
                : r.getRootDir().toPath().resolve(JobRunner.BUILD_DIR_NAME).resolve(callDirectory);
    }

    /** Whether "Publish to TestRail again" is offered: publishing failed and the results are kept. */
    public boolean isPublishAgainAvailable() {
        Path dir = callDirectory();
        return !publishError.isEmpty()
                && publishRequest != null
                && dir != null
                && Files.isRegularFile(dir.resolve(PublishAgain.RESULTS_FILE));
    }

    /** Whether the current user may press "Publish to TestRail again" (Item/Build on the job). */
    public boolean isPublishAgainPermitted() {
        Run<?, ?> r = run;
        return r != null && r.getParent().hasPermission(Item.BUILD);
    }

    /** A "Publish again" of this call is running now. */
    public boolean isPublishing() {
        Run<?, ?> r = run;
        return r != null && PublishAgain.isRunning(r, this);
    }

    /** The progress of the latest "Publish again" (its end when long), or "". */
    public String getPublishAgainLog() {
        Path dir = callDirectory();
        return dir == null ? "" : PublishAgain.log(dir);
    }

    /**
     * "Publish to TestRail again": publishes the kept results in the background, resuming from the
     * journal (nothing already written is written twice), then shows the outcome on this page.
     */
    @POST
    public HttpResponse doPublishAgain() {
        Run<?, ?> r = run;
        if (r == null) {
            return HttpResponses.notFound();
        }
        r.getParent().checkPermission(Item.BUILD);
        if (!isPublishAgainAvailable()) {
            return HttpResponses.errorWithoutStack(
                    409, "Nothing to publish again: this call's results were published, or were not kept.");
        }
        PublishAgain.start(r, this);
        return HttpResponses.redirectToDot();
    }

    /** A named link; the URL is "" unless it is an http(s) URL. */
    public static final class Link {
        private final String name;
        private final String url;

        Link(@CheckForNull String name, @CheckForNull String url) {
            this.name = name == null ? "" : name;
            this.url = webUrlOrEmpty(url);
        }

        public String getName() {
            return name;
        }

        public String getUrl() {
            return url;
        }
    }

    /** One Loadmill flow and what happened to it in TestRail. */
    public static final class FlowRow {
        private final String suite;
        private final String flow;
        private final String loadmillStatus;
        private final String loadmillUrl;
        private final String caseId;
        private final String caseUrl;
        private final String testRailStatus;
        private final boolean posted;
        private final String note;

        FlowRow(
                String suite,
                String flow,
                String loadmillStatus,
                @CheckForNull String loadmillUrl,
                String caseId,
                @CheckForNull String caseUrl,
                String testRailStatus,
                boolean posted,
                String note) {
            this.suite = suite;
            this.flow = flow;
            this.loadmillStatus = loadmillStatus;
            this.loadmillUrl = webUrlOrEmpty(loadmillUrl);
            this.caseId = caseId;
            this.caseUrl = webUrlOrEmpty(caseUrl);
            this.testRailStatus = testRailStatus;
            this.posted = posted;
            this.note = note;
        }

        public String getSuite() {
            return suite;
        }

        public String getFlow() {
            return flow;
        }

        public String getLoadmillStatus() {
            return loadmillStatus;
        }

        public String getLoadmillUrl() {
            return loadmillUrl;
        }

        /** "C123", or "" when the flow matched no case. */
        public String getCaseId() {
            return caseId;
        }

        public String getCaseUrl() {
            return caseUrl;
        }

        public String getTestRailStatus() {
            return testRailStatus;
        }

        public boolean isPosted() {
            return posted;
        }

        public String getNote() {
            return note;
        }
    }
}
