package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

/**
 * Loadmill's web (not API) addresses, built the way the SDK builds them (API reference §10), for
 * when the server omits them.
 *
 * @param origin e.g. https://app.loadmill.com, no trailing slash
 */
public record LoadmillWebUrls(String origin) {

    public String planRun(String planRunId) {
        return origin + "/app/api-tests/test-plan-runs/" + planRunId;
    }

    public String suiteRun(String suiteRunId) {
        return origin + "/app/api-tests/test-suite-runs/" + suiteRunId;
    }

    public String flowRun(String suiteRunId, String flowRunId) {
        return suiteRun(suiteRunId) + "/flows/" + flowRunId;
    }

    public String testPlan(String testPlanId) {
        return origin + "/app/api-tests/test-plans/" + testPlanId;
    }

    public String testSuite(String testSuiteId) {
        return origin + "/app/api-tests/test-suites/" + testSuiteId;
    }

    /** Where users create API tokens (Settings → Security). */
    public String tokenSettings() {
        return origin + "/app/user/settings/security";
    }
}
