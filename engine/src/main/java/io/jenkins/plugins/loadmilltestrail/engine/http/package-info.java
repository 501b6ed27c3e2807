/**
 * The HTTP layer under both service clients: one {@link okhttp3.OkHttpClient} passed in by the
 * front end (so Jenkins can supply its proxy settings), interruptible calls, call statistics,
 * backoff and (for TestRail) a per-host rate limiter shared by every client in the JVM.
 */
package io.jenkins.plugins.loadmilltestrail.engine.http;
