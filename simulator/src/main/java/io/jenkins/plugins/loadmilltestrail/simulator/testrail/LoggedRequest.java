package io.jenkins.plugins.loadmilltestrail.simulator.testrail;

/**
 * One request the simulator received: HTTP and API method, the status it answered (0 for a
 * dropped connection), and {@link System#nanoTime()} at arrival and at answer, so tests can check
 * the spacing of requests (e.g. nothing sent before a Retry-After had passed).
 */
public record LoggedRequest(long sequence, String httpMethod, String apiMethod, int status, long receivedNanos,
        long answeredNanos) {}
