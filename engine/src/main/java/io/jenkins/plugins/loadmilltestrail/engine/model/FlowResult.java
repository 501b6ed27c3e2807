package io.jenkins.plugins.loadmilltestrail.engine.model;

import io.jenkins.plugins.loadmilltestrail.engine.PrintableText;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Loadmill flow run, as collected after the run finished.
 *
 * @param flowRunId the flow run's id
 * @param name the flow's name (Loadmill's flow "description"), as {@link PrintableText#oneLine one printable line}
 * @param suiteName the suite's own name (not the run description; see {@link SuiteResult#name()}), as one
 *     printable line
 * @param status final status; unknown values preserved
 * @param lifecycleStatus Loadmill's {@code testSuiteFlowStatus} (Active, Evaluating, ...), or ""
 * @param retries attempts minus one
 * @param startTime first attempt's start, empty when the flow did not run
 * @param endTime last attempt's end, empty when the flow did not run
 * @param duration last end minus first start, zero when unknown
 * @param failureText readable failure detail for flows that did not pass, else ""
 * @param url web URL of the flow run
 * @param evidence the failed requests and their responses as text (headers without secrets,
 *     bodies cut; see {@code FailureEvidence}), for flows that did not pass, else ""
 */
public record FlowResult(
        String flowRunId,
        String name,
        String suiteName,
        RunStatus status,
        String lifecycleStatus,
        int retries,
        Optional<Instant> startTime,
        Optional<Instant> endTime,
        Duration duration,
        String failureText,
        String url,
        String evidence) {

    public FlowResult {
        Objects.requireNonNull(flowRunId, "flowRunId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(suiteName, "suiteName");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lifecycleStatus, "lifecycleStatus");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(endTime, "endTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(failureText, "failureText");
        Objects.requireNonNull(url, "url");
        evidence = evidence == null ? "" : evidence;
        // Names reach consoles, build logs and TestRail; also when read back from a results file.
        name = PrintableText.oneLine(name);
        suiteName = PrintableText.oneLine(suiteName);
        if (retries < 0) {
            throw new IllegalArgumentException("retries < 0");
        }
    }

    /** A flow result without evidence of its failed requests. */
    public FlowResult(String flowRunId, String name, String suiteName, RunStatus status, String lifecycleStatus,
            int retries, Optional<Instant> startTime, Optional<Instant> endTime, Duration duration, String failureText,
            String url) {
        this(flowRunId, name, suiteName, status, lifecycleStatus, retries, startTime, endTime, duration, failureText,
                url, "");
    }

    /** True when the flow started at all (Loadmill gives no times to flows that never ran). */
    public boolean ran() {
        return startTime.isPresent();
    }
}
