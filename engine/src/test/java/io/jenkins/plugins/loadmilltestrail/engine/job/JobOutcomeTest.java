package io.jenkins.plugins.loadmilltestrail.engine.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import io.jenkins.plugins.loadmilltestrail.engine.sync.PublishReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobOutcomeTest {

    private static FlowResult flow(String name, RunStatus status) {
        return new FlowResult("f-" + name, name, "Checkout", status, "Active", 0, Optional.empty(), Optional.empty(),
                Duration.ZERO, "", "");
    }

    private static JobOutcome outcome(RunStatus suiteStatus, FlowResult... flows) {
        SuiteResult suite = new SuiteResult("s", "sr", "Checkout", "Checkout", suiteStatus, "", Optional.empty(),
                Optional.empty(), "", List.of(flows));
        CollectedResults results = new CollectedResults(RunKind.TEST_SUITES, "https://app.loadmill.com", "", "", "", "",
                suiteStatus, Optional.empty(), Optional.empty(), List.of(suite));
        PublishReport report = new PublishReport(false, "Shop", OptionalLong.empty(), "", List.of(), 0, 0, 0, 0, 0, 0, List.of(),
                List.of(), List.of(), Map.of(), 0, Duration.ZERO);
        return new JobOutcome(results, report);
    }

    @Test
    void countsFlowsByStatusAndFlakyCountsAsPassed() {
        JobOutcome outcome = outcome(RunStatus.FAILED, flow("a", RunStatus.PASSED), flow("b", RunStatus.FLAKY),
                flow("c", RunStatus.FAILED), flow("d", RunStatus.STOPPED), flow("e", RunStatus.of("PENDING")));
        assertThat(outcome.total()).isEqualTo(5);
        assertThat(outcome.passed()).isEqualTo(1);
        assertThat(outcome.flaky()).isEqualTo(1);
        assertThat(outcome.failed()).isEqualTo(3);
        assertThat(outcome.allPassed()).isFalse();
        assertThat(outcome.planText()).isEmpty();
        assertThat(outcome.counts()).isEqualTo(new FlowCounts(5, 1, 1, 3)).isEqualTo(FlowCounts.of(outcome.results()));
    }

    @Test
    void passedAndFlakyFlowsPass() {
        assertThat(outcome(RunStatus.PASSED, flow("a", RunStatus.PASSED), flow("b", RunStatus.FLAKY)).allPassed()).isTrue();
    }

    @Test
    void aSuiteThatFailedAsAWholeFailsEvenWithoutFailedFlows() {
        assertThat(outcome(RunStatus.FAILED).allPassed()).isFalse();
    }
}
