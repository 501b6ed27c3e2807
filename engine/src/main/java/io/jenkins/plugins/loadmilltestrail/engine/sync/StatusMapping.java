package io.jenkins.plugins.loadmilltestrail.engine.sync;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.model.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loadmill flow status → TestRail result status, by TestRail status name or label (so custom
 * statuses work without knowing their ids). Untested can never be posted, so mapping to it is a
 * configuration error.
 */
public final class StatusMapping {
    /** The defaults; the job's status map overrides entries. */
    public static final Map<String, String> DEFAULTS = Map.of("PASSED", "Passed", "FAILED", "Failed",
            "FLAKY", "Passed", "STOPPED", "Blocked");
    /** What any other Loadmill status becomes. */
    public static final String OTHER = "Blocked";

    /** A TestRail status chosen for a flow, with a note when the mapping needs explaining. */
    public record Mapped(Status status, String note) {}

    private final Map<String, Status> byLoadmillStatus;
    private final Status other;

    private StatusMapping(Map<String, Status> byLoadmillStatus, Status other) {
        this.byLoadmillStatus = byLoadmillStatus;
        this.other = other;
    }

    /** Resolves the job's map (over the defaults) against get_statuses. */
    public static StatusMapping resolve(Map<String, String> configured, List<Status> statuses) {
        Map<String, String> names = new LinkedHashMap<>(DEFAULTS);
        configured.forEach((k, v) -> names.put(k.strip().toUpperCase(Locale.ROOT), v));
        Map<String, Status> resolved = new LinkedHashMap<>();
        names.forEach((loadmill, testRail) -> resolved.put(loadmill, find(loadmill, testRail, statuses)));
        return new StatusMapping(resolved, find("other", OTHER, statuses));
    }

    public Mapped map(FlowResult flow) {
        RunStatus status = flow.status();
        Status mapped = byLoadmillStatus.get(status.value());
        if (mapped == null) {
            return new Mapped(other, "Loadmill reported the status " + status.value() + ", which has no mapping; "
                    + "posted as " + other.label() + ".");
        }
        if (status.equals(RunStatus.FLAKY)) {
            return new Mapped(mapped, "Flaky in Loadmill: passed after " + flow.retries()
                    + (flow.retries() == 1 ? " retry." : " retries."));
        }
        return new Mapped(mapped, "");
    }

    private static Status find(String loadmill, String wanted, List<Status> statuses) {
        String key = wanted.strip().toLowerCase(Locale.ROOT);
        Status found = statuses.stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).equals(key) || s.label().toLowerCase(Locale.ROOT).equals(key))
                .findFirst()
                .orElseThrow(() -> new InvalidSettingsException("The status map sends Loadmill " + loadmill.toUpperCase(Locale.ROOT)
                        + " to the TestRail status '" + wanted + "', which this TestRail does not have; use one of "
                        + statuses.stream().filter(s -> !s.untested()).map(Status::label)
                                .collect(Collectors.joining(", ")) + "."));
        if (found.untested() || found.id() == 3) {
            throw new InvalidSettingsException("The status map sends Loadmill " + loadmill.toUpperCase(Locale.ROOT)
                    + " to '" + wanted + "', but TestRail does not accept Untested as a result; choose another status "
                    + "(e.g. Blocked or Retest).");
        }
        return found;
    }
}
