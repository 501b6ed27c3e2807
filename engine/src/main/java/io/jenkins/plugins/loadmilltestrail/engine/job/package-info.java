/**
 * The facade both front ends call: {@link io.jenkins.plugins.loadmilltestrail.engine.job.LoadmillTestRailJob}
 * orders one build (validate, run Loadmill, save, publish, report); settings and outcome are plain values.
 */
package io.jenkins.plugins.loadmilltestrail.engine.job;
