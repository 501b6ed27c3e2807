/**
 * A local TestRail API v2: {@link io.jenkins.plugins.loadmilltestrail.simulator.testrail.TestRailSimulator}
 * with its fluent seeding handles ({@code ProjectSeed}, {@code SuiteSeed}, {@code SectionSeed}) and
 * immutable {@code Sim*} records for reading what clients created.
 */
package io.jenkins.plugins.loadmilltestrail.simulator.testrail;
