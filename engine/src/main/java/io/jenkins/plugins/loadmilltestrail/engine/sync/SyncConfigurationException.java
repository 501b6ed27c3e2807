package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import java.util.List;

/**
 * The job's settings do not fit what is in TestRail (an ambiguous name, a pin to a missing case, an
 * unknown milestone, a closed run...). Found while planning, before any write. The message lists
 * every problem found and what to change.
 */
public class SyncConfigurationException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public SyncConfigurationException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public SyncConfigurationException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    @Override
    public Kind kind() {
        return Kind.CONFIGURATION;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0);
        }
        StringBuilder text = new StringBuilder("Cannot publish to TestRail (" + problems.size() + " problems):");
        problems.forEach(p -> text.append("\n - ").append(p));
        return text.toString();
    }
}
