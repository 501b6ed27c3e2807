/**
 * A scripted local Loadmill API: {@link io.jenkins.plugins.loadmilltestrail.simulator.loadmill.LoadmillSimulator}
 * with fluent {@link io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestPlanScenario} and
 * {@link io.jenkins.plugins.loadmilltestrail.simulator.loadmill.TestSuiteScenario} builders.
 */
package io.jenkins.plugins.loadmilltestrail.simulator.loadmill;
