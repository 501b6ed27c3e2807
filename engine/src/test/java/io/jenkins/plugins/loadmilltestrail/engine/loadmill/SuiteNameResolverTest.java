package io.jenkins.plugins.loadmilltestrail.engine.loadmill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuiteNameResolverTest {
    @ParameterizedTest(name = "''{1}'' with ''{0}'' sent -> ''{2}''")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Jenkins build #12 | Orders API Jenkins build #12   | Orders API
            Jenkins build #12 | Orders API - Jenkins build #12 | Orders API
            Jenkins build #12 | Orders API: Jenkins build #12  | Orders API
            Jenkins build #12 | Orders API                     | Orders API
            ""                | Orders API build 3             | Orders API build 3
            build 3           | Orders API build 3             | Orders API
            build 3           | Orders API build 30            | Orders API build 30
            build 3           | Orders APIbuild 3              | Orders APIbuild 3
            Nightly           | Nightly                        | Nightly
            " build 3 "       | "  Orders API build 3 "        | Orders API
            """)
    void stripsWhatWeSent(String sent, String description, String expected) {
        assertThat(new SuiteNameResolver(sent).name(description)).isEqualTo(expected);
    }
}
