package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadmillParametersTest {
    @Test
    void linesAreSplitAtTheFirstEqualsSign() {
        Map<String, String> parameters = LoadmillParameters.parse(
                "# comment\n\n  host = api.example.com \r\nquery=a=b&c=d\nempty=\n  \n# x=y\nhost=override");
        assertThat(parameters).containsExactly(
                Map.entry("host", "override"), Map.entry("query", "a=b&c=d"), Map.entry("empty", ""));
        assertThat(List.copyOf(parameters.keySet())).containsExactly("host", "query", "empty");
    }

    @Test
    void nothingToParse() {
        assertThat(LoadmillParameters.parse(null)).isEmpty();
        assertThat(LoadmillParameters.parse("")).isEmpty();
        assertThat(LoadmillParameters.parse("\n# only a comment\n")).isEmpty();
    }

    @Test
    void anEmptyNameNamesTheLineButNotTheValue() {
        assertThatThrownBy(() -> LoadmillParameters.parse("a=1\n\n = s3cret"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("empty name")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void aLineWithoutEqualsSignIsRefused() {
        assertThatThrownBy(() -> LoadmillParameters.parse("a=1\ns3cret"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void normalizeBaseUrlIsPublicAndChecksWithoutCalling() {
        assertThat(LoadmillSettings.normalizeBaseUrl(" https://eu.loadmill.com/api/ ")).isEqualTo("https://eu.loadmill.com");
        assertThat(LoadmillSettings.normalizeBaseUrl(null)).isEqualTo(LoadmillSettings.DEFAULT_BASE_URL);
        assertThat(LoadmillSettings.normalizeBaseUrl(" ")).isEqualTo(LoadmillSettings.DEFAULT_BASE_URL);
        assertThatThrownBy(() -> LoadmillSettings.normalizeBaseUrl("ftp://app.loadmill.com"))
                .isInstanceOf(InvalidSettingsException.class);
        assertThatThrownBy(() -> LoadmillSettings.normalizeBaseUrl("https://user:pw@app.loadmill.com"))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageNotContaining("pw");
    }
}
