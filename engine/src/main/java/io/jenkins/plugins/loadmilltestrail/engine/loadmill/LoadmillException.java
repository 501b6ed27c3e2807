package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;

/** Loadmill failed, refused a request, or a run could not be completed. Never carries the token. */
public class LoadmillException extends EngineException {
    private static final long serialVersionUID = 1L;

    public LoadmillException(String message) {
        super(message);
    }

    public LoadmillException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public Kind kind() {
        return Kind.LOADMILL;
    }
}
