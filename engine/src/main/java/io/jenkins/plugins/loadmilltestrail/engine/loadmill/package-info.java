/**
 * The Loadmill side: {@link io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillSettings}
 * (validated before any call), {@link io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillRunner}
 * (start a test plan or suites, wait, collect every flow into the shared result model, stop runs on
 * timeout or interrupt) and {@link io.jenkins.plugins.loadmilltestrail.engine.loadmill.LoadmillClient}
 * (the REST calls, and "Test connection"). JSON stays inside this package.
 */
package io.jenkins.plugins.loadmilltestrail.engine.loadmill;
