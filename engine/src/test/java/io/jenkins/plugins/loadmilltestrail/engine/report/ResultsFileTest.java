package io.jenkins.plugins.loadmilltestrail.engine.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import io.jenkins.plugins.loadmilltestrail.engine.model.CollectedResults;
import io.jenkins.plugins.loadmilltestrail.engine.model.FlowResult;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunKind;
import io.jenkins.plugins.loadmilltestrail.engine.model.RunStatus;
import io.jenkins.plugins.loadmilltestrail.engine.model.SuiteResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsExact() throws Exception {
        CollectedResults results = SampleResults.sample();
        Path file = dir.resolve("out/results.json");

        ResultsFile.write(results, file);

        assertThat(ResultsFile.read(file)).isEqualTo(results);
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temp file left behind
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(json).contains("\"format\" : \"loadmill-testrail/results\"").contains("\"version\" : 1");
    }

    @Test
    void roundTripKeepsNanosecondDurationsAndUnknownStatuses() {
        FlowResult odd = new FlowResult("f", "n", "s", RunStatus.of("WEIRD"), "", 3, Optional.empty(), Optional.empty(),
                Duration.ofNanos(1_234_567_891), "", "");
        CollectedResults results = new CollectedResults(RunKind.TEST_SUITES, "u", "", "", "", "", RunStatus.of("WEIRD"),
                Optional.empty(), Optional.empty(), List.of(new SuiteResult("", "sr", "s", "s", RunStatus.of("WEIRD"), "",
                        Optional.empty(), Optional.empty(), "", List.of(odd))));

        assertThat(ResultsFile.fromJson(ResultsFile.toJson(results), "x")).isEqualTo(results);
    }

    @Test
    void rejectsANewerMajorVersion() {
        String json = ResultsFile.toJson(SampleResults.sample()).replace("\"version\" : 1", "\"version\" : 2");

        assertThatThrownBy(() -> ResultsFile.fromJson(json, "results.json"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("results.json has results file version 2")
                .hasMessageContaining("reads version 1");
    }

    @Test
    void rejectsOtherFilesClearly() {
        assertThatThrownBy(() -> ResultsFile.fromJson("{\"hello\":1}", "a.json"))
                .hasMessageContaining("a.json is not a loadmill-testrail results file");
        assertThatThrownBy(() -> ResultsFile.fromJson("<xml/>", "b.xml"))
                .hasMessageContaining("not valid JSON");
        String json = ResultsFile.toJson(SampleResults.sample()).replace("\"retries\" : 1", "\"retries\" : \"many\"");
        assertThatThrownBy(() -> ResultsFile.fromJson(json, "c.json"))
                .hasMessageContaining("c.json is damaged: field \"retries\"");
    }
}
