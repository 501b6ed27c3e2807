package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.EngineException;
import java.util.List;
import java.util.Objects;

/**
 * The TestRail preflight found settings that cannot work with this TestRail (an unknown project,
 * a closed or foreign existing run, a status TestRail does not have...), before Loadmill was
 * started. Each problem names the setting (and its command-line option) and what to change.
 */
public class TestRailPreflightException extends EngineException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;
    private final transient PreflightReport report;

    public TestRailPreflightException(List<String> problems, PreflightReport report) {
        super(message(problems));
        this.problems = List.copyOf(problems);
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Each problem found, one sentence or two each. */
    public List<String> problems() {
        return problems;
    }

    /** The calls the preflight made before it stopped. */
    public PreflightReport report() {
        return report == null ? PreflightReport.NONE : report;
    }

    @Override
    public Kind kind() {
        return Kind.CONFIGURATION;
    }

    private static String message(List<String> problems) {
        if (problems.size() == 1) {
            return problems.get(0) + " Loadmill was not started.";
        }
        StringBuilder text = new StringBuilder("Loadmill was not started: " + problems.size()
                + " settings do not fit TestRail:");
        problems.forEach(p -> text.append("\n - ").append(p));
        return text.toString();
    }
}
