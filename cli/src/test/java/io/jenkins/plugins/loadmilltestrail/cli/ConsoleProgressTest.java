package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
    private final StringWriter text = new StringWriter();

    private ConsoleProgress progress(boolean interactive, Verbosity verbosity) {
        return new ConsoleProgress(new PrintWriter(text), interactive, verbosity);
    }

    private static FlowResult flow(String name, RunStatus status) {
        return new FlowResult("f-" + name, name, "Checkout", status, "Active", 0, Optional.empty(), Optional.empty(),
                Duration.ZERO, "", "");
    }

    @Test
    void aLinePerPhaseAndPerFinishedSuite() {
        ConsoleProgress progress = progress(false, Verbosity.NORMAL);
        progress.phase("Running Loadmill test plan");
        progress.info("a detail");
        progress.suiteFinished(new SuiteResult("s1", "sr1", "Checkout", "Checkout build 7", RunStatus.FAILED, "", Optional.empty(),
                Optional.empty(), "", List.of(flow("Pay", RunStatus.PASSED), flow("Refund", RunStatus.FAILED))));
        progress.warn("flow X matched no case");
        assertThat(text.toString()).isEqualTo(String.join(System.lineSeparator(),
                "Running Loadmill test plan",
                "  suite Checkout: FAILED (1 of 2 flows passed)",
                "  WARNING: flow X matched no case", ""));
    }

    @Test
    void terminalRedrawsOneIndicatorLineAndWipesItBeforeTheNextLine() {
        ConsoleProgress progress = progress(true, Verbosity.NORMAL);
        progress.waiting(Duration.ofSeconds(5), 0, 3);
        progress.waiting(Duration.ofSeconds(65), 1, 3);
        progress.phase("Saving results");
        String out = text.toString();
        assertThat(out).startsWith("\r  waiting for Loadmill: 5s, 0 of 3 suites finished")
                .contains("\r  waiting for Loadmill: 1m 05s, 1 of 3 suites finished")
                .endsWith("\rSaving results" + System.lineSeparator());
    }

    @Test
    void logsGetAPlainWaitingLineOncePerMinute() {
        ConsoleProgress progress = progress(false, Verbosity.NORMAL);
        for (int seconds = 0; seconds <= 150; seconds += 10) {
            progress.waiting(Duration.ofSeconds(seconds), 0, 2);
        }
        assertThat(text.toString()).doesNotContain("\r").isEqualTo(String.join(System.lineSeparator(),
                "  waiting for Loadmill: 1m 00s, 0 of 2 suites finished",
                "  waiting for Loadmill: 2m 00s, 0 of 2 suites finished", ""));
    }

    @Test
    void quietKeepsOnlyWarningsAndVerboseAddsDetails() {
        ConsoleProgress quiet = progress(false, Verbosity.QUIET);
        quiet.phase("phase");
        quiet.waiting(Duration.ofMinutes(3), 0, 1);
        quiet.warn("careful");
        assertThat(text.toString()).isEqualTo("  WARNING: careful" + System.lineSeparator());
        progress(false, Verbosity.VERBOSE).info("detail");
        assertThat(text.toString()).endsWith("  detail" + System.lineSeparator());
    }

    @Test
    void retriesAreShownUnlessQuiet() {
        RetryNotice retry = new RetryNotice("TestRail", "add_results_for_cases", "HTTP 503", 2, Duration.ofMillis(1500));
        progress(false, Verbosity.NORMAL).retrying(retry);
        progress(false, Verbosity.QUIET).retrying(retry);
        assertThat(text.toString()).isEqualTo(
                "  TestRail: add_results_for_cases failed (HTTP 503); retry 2 in 1.5 s." + System.lineSeparator());
    }

    @Test
    void elapsedReadsNaturally() {
        assertThat(Elapsed.format(Duration.ofMillis(250))).isEqualTo("250ms");
        assertThat(Elapsed.format(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Elapsed.format(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(Elapsed.format(Duration.ofMinutes(62))).isEqualTo("1h 02m");
    }
}
