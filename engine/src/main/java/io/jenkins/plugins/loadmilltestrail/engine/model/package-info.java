/**
 * Collected Loadmill results: plan run, suite runs, flow runs. Plain immutable values with no
 * Jackson or OkHttp types, shared by the Loadmill client, the reports, the sync and the front ends.
 */
package io.jenkins.plugins.loadmilltestrail.engine.model;
