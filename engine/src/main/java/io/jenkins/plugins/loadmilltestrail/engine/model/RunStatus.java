package io.jenkins.plugins.loadmilltestrail.engine.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A Loadmill plan, suite or flow status. Kept as text, not a closed enum: Loadmill may add values
 * (e.g. a "pending" spelling) and an unknown value must be preserved, not dropped.
 */
public record RunStatus(String value) {
    public static final RunStatus RUNNING = new RunStatus("RUNNING");
    public static final RunStatus PASSED = new RunStatus("PASSED");
    public static final RunStatus FAILED = new RunStatus("FAILED");
    public static final RunStatus FLAKY = new RunStatus("FLAKY");
    public static final RunStatus STOPPED = new RunStatus("STOPPED");

    public RunStatus {
        Objects.requireNonNull(value, "value");
        value = value.trim().toUpperCase(Locale.ROOT);
    }

    public static RunStatus of(String value) {
        return new RunStatus(value == null || value.isBlank() ? "UNKNOWN" : value);
    }

    public boolean isRunning() {
        return equals(RUNNING);
    }

    /** One of the five values Loadmill documents. */
    public boolean isKnown() {
        return equals(RUNNING) || equals(PASSED) || equals(FAILED) || equals(FLAKY) || equals(STOPPED);
    }

    @Override
    public String toString() {
        return value;
    }
}
