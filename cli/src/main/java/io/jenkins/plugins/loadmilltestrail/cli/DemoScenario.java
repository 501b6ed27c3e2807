package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestSuiteScenario;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.ProjectSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.SectionSeed;
import io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The world of {@code demo} and {@code simulate}: a Loadmill test plan "Shop nightly" with three
 * suites and twelve flows (two fail, one is flaky, one is stopped), each suite also runnable on its own, and a multi-suite TestRail
 * project "Shop" that already holds five of the twelve cases (and one that Loadmill does not test),
 * but not the suite "Search".
 */
final class DemoScenario {
    static final String PROJECT = "Shop";
    static final String PLAN = "Shop nightly";
    /** Fixed, so that the examples in docs/cli.md, which use it, run against {@code simulate} as they are. */
    static final String TEST_PLAN_ID = "6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f";
    static final String LOADMILL_TOKEN = "demo-loadmill-token";
    static final String TESTRAIL_USER = "demo@example.com";
    static final String TESTRAIL_KEY = "demo-testrail-key";

    /**
     * What was seeded, for the explanations.
     *
     * @param suiteIds the plan's suites, also seeded as suites of their own (name to id), for --suite
     */
    record Seeded(String testPlanId, Map<String, String> suiteIds, int flows, int existingCases) {
        int suites() {
            return suiteIds.size();
        }
    }

    private DemoScenario() {}

    static Seeded seed(LoadmillSimulator loadmill, TestRailSimulator testRail) {
        // Suites finish one after another, so progress shows a line per suite.
        Map<String, Consumer<TestSuiteScenario>> suites = new LinkedHashMap<>();
        suites.put("Search", s -> s.runningPolls(2)
                .passed("Search by keyword")
                .passed("Filter by price")
                .passed("Sort by rating")
                .stopped("Suggest as you type"));
        suites.put("Checkout", s -> s.runningPolls(4)
                .passed("Add item to cart")
                .passed("Pay by card")
                .failedAssertion("Pay with an expired card", "__status", "equals", "402", "500")
                .flaky("Apply a discount code", 1));
        suites.put("Accounts", s -> s.runningPolls(6)
                .passed("Sign up")
                .passed("Log in")
                .failedRequest("Reset password", "HTTP status 503 - Service Unavailable")
                .passed("Delete account"));
        TestPlanScenario plan = loadmill.addTestPlan(TEST_PLAN_ID, PLAN);
        Map<String, String> suiteIds = new LinkedHashMap<>();
        suites.forEach((name, script) -> {
            plan.suite(name, script);
            suiteIds.put(name, loadmill.addTestSuite(name, script).id());
        });

        testRail.addUser(TESTRAIL_USER, TESTRAIL_KEY);
        ProjectSeed project = testRail.addProject(PROJECT, TestRailSimulator.MULTIPLE_SUITES);
        SectionSeed payment = project.addSuite("Checkout").addSection("Cart and payment");
        payment.addCase("Add item to cart");
        payment.addCase("Pay by card");
        payment.addCase("Pay with an expired card");
        payment.addCase("Refund an order");
        SectionSeed signIn = project.addSuite("Accounts").addSection("Sign-in");
        signIn.addCase("Sign up");
        signIn.addCase("Log in");
        return new Seeded(plan.id(), Collections.unmodifiableMap(suiteIds), 12, 5);
    }

    /** The environment a CLI run against the simulators needs. */
    static Map<String, String> environment(LoadmillSimulator loadmill, TestRailSimulator testRail) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put(EnvironmentVariables.LOADMILL_URL, loadmill.url());
        env.put(EnvironmentVariables.LOADMILL_API_TOKEN, loadmill.token());
        env.put(EnvironmentVariables.TESTRAIL_URL, testRail.url());
        env.put(EnvironmentVariables.TESTRAIL_USER, TESTRAIL_USER);
        env.put(EnvironmentVariables.TESTRAIL_API_KEY, TESTRAIL_KEY);
        return env;
    }
}
