package io.jenkins.plugins.loadmilltestrail.engine;

import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps every progress line, for assertions (and to check no token leaks into them). */
public final class RecordingListener implements ProgressListener {
    public final List<String> lines = new CopyOnWriteArrayList<>();
    public final List<SuiteResult> finishedSuites = new CopyOnWriteArrayList<>();
    public final AtomicInteger waits = new AtomicInteger();
    public final List<RetryNotice> retries = new CopyOnWriteArrayList<>();

    @Override
    public void phase(String message) {
        lines.add("PHASE " + message);
    }

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void retrying(RetryNotice retry) {
        retries.add(retry);
        lines.add("RETRY " + retry.message());
    }

    @Override
    public void suiteFinished(SuiteResult suite) {
        finishedSuites.add(suite);
    }

    @Override
    public void waiting(Duration elapsed, int finishedSuites, int totalSuites) {
        waits.incrementAndGet();
    }

    public String all() {
        return String.join("\n", lines);
    }

    /** The warnings, as the engine worded them. */
    public List<String> warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN ")).map(l -> l.substring("WARN ".length())).toList();
    }
}
