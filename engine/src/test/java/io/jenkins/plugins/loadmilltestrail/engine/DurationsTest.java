package io.jenkins.plugins.loadmilltestrail.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "200ms, 200",
        "90s, 90000",
        "30m, 1800000",
        "1h, 3600000",
        "1h30m, 5400000",
        "1m30s, 90000",
        "2d, 172800000",
        "1h 5m, 3900000",
        "' 45S ', 45000",
        "0s, 0",
        "PT5M, 300000",
        "pt1.5s, 1500",
        "P1DT1H, 90000000",
        "1s500ms, 1500",
    })
    void readsUnitsAndIso(String text, long millis) {
        assertThat(Durations.parse(text, "--timeout")).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "90", "5x", "1.5h", "h", "-5s", "PT-5M", "P", "1h-30m", "ms200", "99999999999999999999s"})
    void rejectsWithTheSettingNamedAndExamples(String text) {
        assertThatThrownBy(() -> Durations.parse(text, "--poll-interval"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("--poll-interval: '" + text.trim() + "'")
                .hasMessageContaining("e.g. 200ms, 90s, 30m");
    }

    @ParameterizedTest
    @ValueSource(strings = {"90"})
    void aBareNumberSuggestsTheUnit(String text) {
        assertThatThrownBy(() -> Durations.parse(text, "Timeout")).hasMessageContaining("write e.g. 90s");
    }

    @org.junit.jupiter.api.Test
    void nullIsEmpty() {
        assertThatThrownBy(() -> Durations.parse(null, "Timeout")).hasMessageContaining("it is empty");
    }
}
