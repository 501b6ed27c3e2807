/**
 * The HTTP layer under both service clients: one {@link okhttp3.OkHttpClient} passed in by the
 * front end (so Jenkins can supply its proxy settings), from which each client derives its own
 * dispatcher; interruptible calls with a deadline and a cap on the answer read ({@link
 * io.jenkins.plugins.loadmilltestrail.engine.http.HttpLimits}), call statistics, backoff and (for
 * TestRail) a per-host rate limiter shared by every client in the JVM.
 */
package io.jenkins.plugins.loadmilltestrail.engine.http;
