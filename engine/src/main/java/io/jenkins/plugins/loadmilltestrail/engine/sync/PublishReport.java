package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The outcome of publishing (or, for a dry run, of planning): ids, links, counts, per-flow
 * outcomes and the API calls it took. Front ends print it, show it on the build page and return
 * it from the Pipeline step.
 *
 * @param planId the TestRail plan, when results went to a plan
 * @param runs every run that received results (one, or one per plan entry)
 * @param matchedCases flows that matched a case that already existed (by name or pin); flows that
 *     got a created case are counted in {@code createdCases}
 * @param postedResults results TestRail holds from this results file, this publish's and earlier ones'
 * @param alreadyPosted of those, the results an earlier, cut-off or finished publish had posted
 *     (from the journal): this publish did not post them again
 * @param unmatchedFlows "Suite / Flow" of every flow that matched no case
 * @param rejected "Suite / Flow: reason" of every result TestRail refused
 * @param callsByMethod TestRail API calls per method
 */
public record PublishReport(
        boolean dryRun,
        String projectName,
        OptionalLong planId,
        String planUrl,
        List<PublishedRun> runs,
        int matchedCases,
        int createdSuites,
        int createdSections,
        int createdCases,
        int postedResults,
        int alreadyPosted,
        List<FlowOutcome> flows,
        List<String> unmatchedFlows,
        List<String> rejected,
        Map<String, Long> callsByMethod,
        long totalCalls,
        Duration rateLimitWait) {

    public PublishReport {
        runs = List.copyOf(runs);
        flows = List.copyOf(flows);
        unmatchedFlows = List.copyOf(unmatchedFlows);
        rejected = List.copyOf(rejected);
        callsByMethod = Map.copyOf(callsByMethod);
    }

    /** Results this publish posted itself. */
    public int newlyPosted() {
        return postedResults - alreadyPosted;
    }
}
