package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultsCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Flow 'Pay' failed|Flow 'Pay' failed",
        "<p>Flow 'Pay' failed</p>|Flow 'Pay' failed",
        "Flow &#39;Pay&#39; failed: 5 &lt; 6 &amp;&amp; x|Flow 'Pay' failed: 5 < 6 && x",
        "'  two\n  lines  '|two lines",
        "''|''"})
    void comparesCommentsAsTestRailMayReturnThem(String stored, String normalized) {
        assertThat(ResultsCheck.normalize(stored)).isEqualTo(normalized);
    }
}
