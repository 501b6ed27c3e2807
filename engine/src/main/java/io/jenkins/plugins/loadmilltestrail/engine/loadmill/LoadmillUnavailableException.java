package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

/** A transient answer (429, 502, 503, 504): worth retrying an idempotent call after a while. */
final class LoadmillUnavailableException extends LoadmillException {
    private static final long serialVersionUID = 1L;

    LoadmillUnavailableException(String message) {
        super(message);
    }
}
