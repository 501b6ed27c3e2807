package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CaseTitlesTest {

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {1, 249, 250, 251, 300, 5000})
    void titlesFitInTestRail(int length) {
        String name = "x".repeat(length);
        String title = CaseTitles.forFlow(name);
        assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(250);
        assertThat(CaseTitles.isCut(name)).isEqualTo(length > 250);
        if (length <= 250) {
            assertThat(title).isEqualTo(name);
        } else {
            assertThat(title).hasSize(250).matches("x+… \\[[0-9a-f]{6}]");
        }
    }

    @Test
    void cutIsStableAndDistinguishesLongNamesWithTheSamePrefix() {
        String a = "GET /orders ".repeat(30) + "A";
        String b = "GET /orders ".repeat(30) + "B";
        assertThat(CaseTitles.forFlow(a)).isEqualTo(CaseTitles.forFlow(a));
        assertThat(CaseTitles.forFlow(a)).isNotEqualTo(CaseTitles.forFlow(b));
        assertThat(CaseTitles.forFlow(a).substring(0, 200)).isEqualTo(CaseTitles.forFlow(b).substring(0, 200));
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String name = "😀".repeat(260);
        String title = CaseTitles.forFlow(name);
        assertThat(title.codePointCount(0, title.length())).isEqualTo(250);
        assertThat(Character.isHighSurrogate(title.charAt(title.indexOf('…') - 1))).isFalse();
    }

    @Test
    void usesTheCleanName() {
        assertThat(CaseTitles.forFlow("  Login \t flow ")).isEqualTo("Login flow");
    }
}
