package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoadmillTimesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1741504814419               | 2025-03-09T07:20:14.419Z
            "1741504814419"             | 2025-03-09T07:20:14.419Z
            "2025-03-09T07:20:14.419Z"  | 2025-03-09T07:20:14.419Z
            null                        |
            "soon"                      |
            ""                          |
            """)
    void readsEpochMillisNumericStringsAndIso(String json, String expected) throws Exception {
        Optional<Instant> time = LoadmillClient.time(JSON.readTree("{\"t\":" + json + "}").get("t"));
        assertThat(time).isEqualTo(expected == null ? Optional.empty() : Optional.of(Instant.parse(expected)));
    }
}
