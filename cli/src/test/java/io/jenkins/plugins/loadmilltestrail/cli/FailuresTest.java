package io.jenkins.plugins.loadmilltestrail.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.testrail.TestRailException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class FailuresTest {
    private final StringWriter text = new StringWriter();

    private int report(Throwable failure, boolean verbose) {
        return Failures.report(failure, new PrintWriter(text), verbose);
    }

    @Test
    void serviceErrorsAreOneLineWithTheirNewDetailsOnlyWhenVerbose() {
        TestRailException e = new TestRailException("TestRail did not answer.", 0, "",
                new IOException("Connection reset", new IOException("TestRail did not answer.")));
        assertThat(report(e, false)).isEqualTo(4);
        assertThat(text.toString().lines()).containsExactly("error: TestRail did not answer.", "(run with --verbose for details)");

        text.getBuffer().setLength(0);
        report(e, true);
        assertThat(text.toString().lines()).containsExactly("error: TestRail did not answer.",
                "  caused by: IOException: Connection reset");
    }

    @Test
    void configurationErrorsAreOneLineAndExitTwo() {
        assertThat(report(new InvalidSettingsException("The project is missing."), false)).isEqualTo(2);
        assertThat(text.toString().lines()).containsExactly("error: The project is missing.");
    }

    @Test
    void interruptionAndBugsHaveTheirOwnCodes() {
        assertThat(report(new InterruptedException(), false)).isEqualTo(130);
        assertThat(report(new IllegalStateException("boom"), false)).isEqualTo(70);
        assertThat(text.toString()).contains("Interrupted.", "IllegalStateException: boom", "at ");
        assertThat(text.toString().lines()).as("errors start with error:, a bug's too")
                .anyMatch(line -> line.startsWith("error: internal error"));
    }

    @Test
    void theSummaryGetsTheMessagePrintedNotWhereTheInterruptHit() {
        assertThat(Failures.message(new InterruptedException("sleep interrupted"))).isEqualTo("Interrupted.");
        assertThat(Failures.message(new InvalidSettingsException("The project is missing.")))
                .isEqualTo("The project is missing.");
    }
}
