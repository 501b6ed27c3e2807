package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.job.JobOutcome;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishedRun;
import java.io.PrintWriter;
import java.util.List;

/**
 * The human summary printed at the end of run, publish and plan. Quiet keeps what a failed build
 * needs: the TestRail links, the results TestRail rejected and the flows that did not pass.
 */
final class OutcomeText {
    /** Longer lists are cut in normal mode; --verbose and the JSON summary have them all. */
    private static final int LIST_LIMIT = 15;
    private static final int FAILURE_PREVIEW = 160;

    private OutcomeText() {}

    /** One line, also printed with --quiet. */
    static String resultLine(JobOutcome outcome) {
        PublishReport report = outcome.report();
        return "Result: " + outcome.total() + " flows, " + outcome.passed() + " passed, " + outcome.flaky() + " flaky, "
                + outcome.failed() + " did not pass; " + posting(report, " to TestRail") + (report.unmatchedFlows().isEmpty() ? "" : ", " + report.unmatchedFlows().size() + " unmatched")
                + (report.rejected().isEmpty() ? "" : ", " + report.rejected().size() + " rejected") + ".";
    }

    static void print(JobOutcome outcome, Verbosity verbosity, PrintWriter out) {
        CollectedResults results = outcome.results();
        PublishReport report = outcome.report();
        boolean all = verbosity == Verbosity.VERBOSE;
        boolean quiet = verbosity == Verbosity.QUIET;
        if (!quiet) {
            out.println();
            out.println("Loadmill " + describe(results) + ": " + outcome.total() + " flows - " + outcome.passed() + " passed, "
                    + outcome.flaky() + " flaky, " + outcome.failed() + " did not pass");
        }
        if (!results.runUrl().isEmpty()) {
            out.println((quiet ? "Loadmill run: " : "  ") + results.runUrl());
        }
        if (!quiet) {
            printCounts(report, out);
        }
        if (!report.planUrl().isEmpty()) {
            out.println((quiet ? "TestRail " : "  ") + "plan: " + report.planUrl());
        }
        for (PublishedRun run : report.runs()) {
            out.println((quiet ? "TestRail " : "  ") + "run R" + run.runId() + " \"" + run.name() + "\": " + run.url());
        }
        if (!quiet) {
            list(out, "Flows with no TestRail case (not published)", report.unmatchedFlows(), all);
        }
        list(out, "Results TestRail rejected", report.rejected(), all);
        List<String> notPassed = results.flows().filter(f -> !JobOutcome.passes(f.status()))
                .map(f -> notPassedLine(f, all)).toList();
        list(out, "Flows that did not pass", notPassed, all);
        if (!quiet) {
            long preflight = outcome.preflight().totalCalls();
            out.println("TestRail API calls: " + report.totalCalls()
                    + (preflight == 0 ? "" : ", and " + preflight + " to check the settings before Loadmill ran")
                    + (report.rateLimitWait().toMillis() < 1 ? ""
                            : " (waited " + Elapsed.format(report.rateLimitWait()) + " for rate limits)"));
        }
        out.flush();
    }

    private static void printCounts(PublishReport report, PrintWriter out) {
        boolean dry = report.dryRun();
        out.println("TestRail project \"" + report.projectName() + "\"" + (dry ? " (dry run, nothing written)" : "") + ": "
                + report.matchedCases() + " flows " + (dry ? "match" : "matched") + " existing cases, "
                + plural(report.createdCases(), "case") + (dry ? " to create" : " created") + " ("
                + plural(report.createdSuites(), "suite") + ", " + plural(report.createdSections(), "section") + "), "
                + posting(report, ""));
    }

    /**
     * What this command did with the results: planned, posted, or found them posted already by an
     * earlier publish of the same results file (the journal says so, and nothing is posted twice).
     */
    private static String posting(PublishReport report, String where) {
        if (report.dryRun()) {
            return "planned " + plural(report.matchedCases() + report.createdCases(), "result") + where;
        }
        if (report.alreadyPosted() > 0 && report.newlyPosted() == 0) {
            return plural(report.alreadyPosted(), "result") + (report.alreadyPosted() == 1 ? " was" : " were")
                    + " already posted (journal); nothing to do";
        }
        return "posted " + plural(report.newlyPosted(), "result") + where
                + (report.alreadyPosted() == 0 ? "" : " (" + report.alreadyPosted() + " already posted earlier, journal)");
    }

    /** Status, names and the failure in one line; the flow run's link too with --verbose. */
    private static String notPassedLine(FlowResult flow, boolean withUrl) {
        String failure = flow.failureText().replaceAll("\\s+", " ").trim();
        if (failure.length() > FAILURE_PREVIEW) {
            failure = failure.substring(0, FAILURE_PREVIEW) + "...";
        }
        return flow.status().value() + "  " + flow.suiteName() + " / " + flow.name() + (failure.isEmpty() ? "" : ": " + failure)
                + (withUrl && !flow.url().isEmpty() ? System.lineSeparator() + "    " + flow.url() : "");
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String describe(CollectedResults results) {
        if (results.kind() == RunKind.TEST_PLAN) {
            return "test plan " + (results.testPlanName().isEmpty() ? results.testPlanId() : "\"" + results.testPlanName() + "\"");
        }
        return results.suites().size() == 1 ? "suite \"" + results.suites().get(0).name() + "\"" : results.suites().size() + " suites";
    }

    private static void list(PrintWriter out, String title, List<String> items, boolean all) {
        if (items.isEmpty()) {
            return;
        }
        out.println(title + " (" + items.size() + "):");
        int shown = all ? items.size() : Math.min(items.size(), LIST_LIMIT);
        items.subList(0, shown).forEach(item -> out.println("  " + item));
        if (shown < items.size()) {
            out.println("  ... and " + (items.size() - shown) + " more (all of them with --verbose or in --summary)");
        }
    }
}
