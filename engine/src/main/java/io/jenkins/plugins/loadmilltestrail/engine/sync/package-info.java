/**
 * Publishing collected Loadmill results to TestRail. {@link
 * io.jenkins.plugins.loadmilltestrail.engine.sync.TestRailSync} is the entry point: it reads
 * TestRail ({@code TestRailReader}), computes a {@link
 * io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlan} with the pure {@link
 * io.jenkins.plugins.loadmilltestrail.engine.sync.SyncPlanner}, and applies it ({@code PlanApplier}),
 * recording every write in a {@link io.jenkins.plugins.loadmilltestrail.engine.sync.PublishJournal}.
 * The settings parsers ({@link io.jenkins.plugins.loadmilltestrail.engine.sync.CasePins}, {@link
 * io.jenkins.plugins.loadmilltestrail.engine.sync.CaseIds}, {@link
 * io.jenkins.plugins.loadmilltestrail.engine.sync.SettingMaps}) are shared by the front ends. The
 * rules are documented in docs/matching.md.
 */
package io.jenkins.plugins.loadmilltestrail.engine.sync;
