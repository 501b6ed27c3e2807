package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    static Stream<Arguments> cleanCases() {
        return Stream.of(
                arguments("  Login   flow ", "Login flow"),
                arguments("Login\tflow\n", "Login flow"),
                // Terminal escapes, also as HTML entities, and C1 controls; CR and newline are spaces.
                arguments("Pay\u001B[31m by\r\ncard\u0007", "Pay\uFFFD[31m by card\uFFFD"),
                arguments("&#27;]0;title&#7; \u009B2J\u007F", "\uFFFD]0;title\uFFFD \uFFFD2J\uFFFD"),
                arguments("<p>Login flow</p>", "Login flow"),
                arguments("<P>  Login flow </P>", "Login flow"),
                arguments("Cart &amp; checkout", "Cart & checkout"),
                arguments("a &lt;b&gt; &quot;c&quot; &#39;d&#39; &#x41;", "a <b> \"c\" 'd' A"),
                arguments("Login&nbsp;flow", "Login flow"),
                arguments("Login\u00A0\u2007flow", "Login flow"),
                arguments("Cafe\u0301", "Caf\u00e9"),
                arguments("&unknown; stays", "&unknown; stays"),
                arguments("&#99999999; stays", "&#99999999; stays"),
                arguments("<p>", "<p>"));
    }

    @ParameterizedTest(name = "clean({0}) = {1}")
    @MethodSource("cleanCases")
    void cleans(String raw, String expected) {
        assertThat(Names.clean(raw)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} vs {1}: sensitive={2} insensitive={3}")
    @CsvSource(delimiter = '|', value = {
        "Login flow|login FLOW|false|true",
        "Straße|STRASSE|false|true",
        "Café|Cafe\u0301|true|true",
        "Login  flow|<p>Login flow</p>|true|true",
        "Login flow|Login flows|false|false",
        "Ünïcödé ✓|ünïcödé ✓|false|true",
    })
    void compares(String a, String b, boolean sensitive, boolean insensitive) {
        Names cs = new Names(true);
        Names ci = new Names(false);
        assertThat(cs.key(a).equals(cs.key(b))).isEqualTo(sensitive);
        assertThat(ci.key(a).equals(ci.key(b))).isEqualTo(insensitive);
    }
}
