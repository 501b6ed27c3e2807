package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient answer (429, 502, 503, 504, or a poll answer without its suite runs): worth retrying
 * an idempotent call after a while.
 */
final class LoadmillUnavailableException extends LoadmillException {
    private static final long serialVersionUID = 1L;

    private final String reason;
    /** Null when the server asked for no wait (a field of an exception must be serializable). */
    private final Duration retryAfter;

    /**
     * @param reason the short cause for a retry notice, e.g. "HTTP 503"
     * @param retryAfter the wait the server asked for (Retry-After), if any
     */
    LoadmillUnavailableException(String message, String reason, Optional<Duration> retryAfter) {
        super(message);
        this.reason = reason;
        this.retryAfter = retryAfter.orElse(null);
    }

    String reason() {
        return reason;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
