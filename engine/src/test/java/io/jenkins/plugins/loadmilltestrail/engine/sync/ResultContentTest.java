package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.STATUSES;
import static io.jenkins.plugins.loadmilltestrail.engine.sync.SyncFixtures.flow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Status mapping, elapsed times and run names: what each posted result and run looks like. */
class ResultContentTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({"0,1s", "1,1s", "999,1s", "1000,1s", "1001,2s", "65000,65s", "60000,60s", "3600000,3600s",
            "3661000,3661s", "7201000,7201s"})
    void formatsElapsed(long millis, String expected) {
        assertThat(TimeSpans.format(Duration.ofMillis(millis))).isEqualTo(expected);
    }

    @Test
    void omitsElapsedForFlowsThatDidNotRun() {
        FlowResult ran = flow("S", "F", RunStatus.PASSED);
        FlowResult notRun = new FlowResult("f", "F", "S", RunStatus.STOPPED, "", 0, Optional.empty(), Optional.empty(),
                Duration.ZERO, "", "");
        assertThat(TimeSpans.elapsed(ran)).isEqualTo("66s");
        assertThat(TimeSpans.elapsed(notRun)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "PASSED|Passed|''", "FAILED|Failed|''", "FLAKY|Passed|retries", "STOPPED|Blocked|''", "WEIRD|Blocked|WEIRD",
        "RUNNING|Blocked|no mapping",
    })
    void mapsDefaults(String loadmill, String testRail, String note) {
        StatusMapping.Mapped m = StatusMapping.resolve(Map.of(), STATUSES).map(flow("S", "F", RunStatus.of(loadmill)));
        assertThat(m.status().label()).isEqualTo(testRail);
        assertThat(m.note()).contains(note);
    }

    @Test
    void mapsCustomStatusesByNameOrLabelIgnoringCase() {
        StatusMapping mapping = StatusMapping.resolve(Map.of("flaky", "retest", "STOPPED", "custom_status1",
                "FAILED", "KNOWN ISSUE"), STATUSES);
        assertThat(mapping.map(flow("S", "F", RunStatus.FLAKY)).status().id()).isEqualTo(4);
        assertThat(mapping.map(flow("S", "F", RunStatus.STOPPED)).status().id()).isEqualTo(6);
        assertThat(mapping.map(flow("S", "F", RunStatus.FAILED)).status().id()).isEqualTo(6);
    }

    @Test
    void rejectsUntestedAndUnknownStatuses() {
        assertThatThrownBy(() -> StatusMapping.resolve(Map.of("FAILED", "Untested"), STATUSES))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("Untested");
        assertThatThrownBy(() -> StatusMapping.resolve(Map.of("FAILED", "Broken"), STATUSES))
                .hasMessageContaining("'Broken'").hasMessageContaining("Known Issue");
    }

    @Test
    void rendersRunNamesAndDescriptions() {
        Map<String, String> vars = RunNames.variables(SyncFixtures.plan(SyncFixtures.suite("Cart", "Add")),
                Map.of("JOB_NAME", "nightly", "BUILD_NUMBER", "42", "BUILD_URL", "https://ci/job/nightly/42/"),
                SyncFixtures.NOW);
        assertThat(RunNames.render("${JOB_NAME} #${BUILD_NUMBER}: ${LOADMILL_NAME} ${DATE}", vars))
                .isEqualTo("nightly #42: Nightly 2026-11-26 08:00 UTC");
        assertThat(RunNames.render(PublishSettings.DEFAULT_RUN_NAME, vars)).isEqualTo("Nightly (Loadmill 2026-11-26 08:00 UTC)");
        assertThat(RunNames.render("${LOADMILL_SUITE} ${LOADMILL_RUN_ID}", vars)).isEqualTo("Cart plan-run-1");
        assertThat(RunNames.render("x".repeat(300), vars)).hasSize(250);
        assertThat(RunNames.description(vars)).contains("Loadmill run: https://app.loadmill.com/app/api-tests/test-plan-runs/plan-run-1")
                .contains("Build: https://ci/job/nightly/42/");
        assertThatThrownBy(() -> RunNames.render("${NOPE}", vars)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("${NOPE}").hasMessageContaining("${JOB_NAME}");
    }
}
