package io.jenkins.plugins.loadmilltestrail.engine.sync;

/**
 * A flow pinned to a TestRail case.
 *
 * @param suite the Loadmill suite name, or "" to pin the flow name in any suite
 * @param flow the Loadmill flow name
 * @param caseId the TestRail case id (from "C123" or "123")
 */
public record CasePin(String suite, String flow, long caseId) {}
