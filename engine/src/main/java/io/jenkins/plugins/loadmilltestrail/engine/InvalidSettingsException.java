package io.jenkins.plugins.loadmilltestrail.engine;

/** Bad user input, found before any network call. The message names the field and the fix. */
public class InvalidSettingsException extends EngineException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }

    @Override
    public Kind kind() {
        return Kind.CONFIGURATION;
    }
}
