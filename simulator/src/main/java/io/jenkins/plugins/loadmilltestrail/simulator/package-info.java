/**
 * Local simulators of the Loadmill and TestRail APIs, on the JDK's {@code HttpServer}, bound to
 * loopback. They reproduce the documented behaviour and faults of both services so that the engine,
 * the CLI demo and the plugin's tests talk real HTTP without accounts.
 */
package io.jenkins.plugins.loadmilltestrail.simulator;
