package io.jenkins.plugins.loadmilltestrail.engine.sync;

import java.util.OptionalLong;

/**
 * What happened to one Loadmill flow in TestRail.
 *
 * @param caseId the matched case, empty when unmatched
 * @param caseUrl web link of the case, or ""
 * @param testRailStatus the TestRail status name posted (or planned), or ""
 * @param posted true when TestRail stored the result
 * @param note why it was not posted (unmatched, rejected with TestRail's reason), or a remark
 * @param match how the flow found its case: "by name", "pinned", "to create" (for a dry run) or
 *     "created", "unmatched", "not pinned" or "pinned case missing"
 */
public record FlowOutcome(String suiteName, String flowName, String loadmillStatus, OptionalLong caseId,
        String caseUrl, String testRailStatus, boolean posted, String note, String match) {}
