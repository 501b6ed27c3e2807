package io.jenkins.plugins.loadmilltestrail.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingParsersTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Checkout/Pay by card=C123|Checkout|Pay by card|123",
        "Pay by card=123|''|Pay by card|123",
        "' Checkout / Pay = C7 '|Checkout|Pay|7",
        "/GET /orders/{id}=c9|''|GET /orders/{id}|9",
        "a=b=C5|''|a=b|5",
    })
    void parsesPins(String text, String suite, String flow, long id) {
        assertThat(CasePins.parse(text)).isEqualTo(new CasePin(suite, flow, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Flow", "Flow=", "=C1", "Flow=C", "Flow=C0", "Flow=12a", "Suite/=C1", "Flow=-3"})
    void rejectsBadPins(String text) {
        assertThatThrownBy(() -> CasePins.parse(text)).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("C123");
    }

    @Test
    void parsesPinLinesAndRoundTrips() {
        List<CasePin> pins = CasePins.parseLines("# pins\nA/B=C1\n\n  C=2\n");
        assertThat(pins).containsExactly(new CasePin("A", "B", 1), new CasePin("", "C", 2));
        assertThat(CasePins.parse(CasePins.format(pins.get(0)))).isEqualTo(pins.get(0));
    }

    @Test
    void pinWithoutSuiteAlsoMatchesAFlowNamedWithASlash() {
        Names names = new Names(true);
        CasePin pin = CasePins.parse("Orders/GET all=C1");
        assertThat(CasePins.pins(pin, "Orders", "GET all", names)).isTrue();
        assertThat(CasePins.pins(pin, "Other", "Orders/GET all", names)).isTrue();
        assertThat(CasePins.pins(pin, "Other", "GET all", names)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "C1 Login|1", "Login (C42)|42", "[C7] login C7|7", "Login c12|''", "ABC123 login|''", "C12x|''", "Login C0|''",
    })
    void findsCaseTokens(String flow, String expected) {
        List<Long> ids = CaseIds.tokensIn(flow);
        assertThat(ids).isEqualTo(expected == null || expected.isEmpty() ? List.of() : List.of(Long.parseLong(expected)));
    }

    @Test
    void parsesCaseIds() {
        assertThat(CaseIds.parse("C123", "x")).isEqualTo(123);
        assertThat(CaseIds.parse(" 45 ", "x")).isEqualTo(45);
        assertThatThrownBy(() -> CaseIds.parse("T12", "the case map")).hasMessageContaining("the case map");
    }

    @Test
    void parsesSuiteAndStatusMaps() {
        assertThat(SettingMaps.parseSuiteMap("Checkout API = Checkout\n# x\nPayments=S31"))
                .containsExactly(Map.entry("Checkout API", "Checkout"), Map.entry("Payments", "S31"));
        assertThat(SettingMaps.parseStatusMap("flaky=Retest\nSTOPPED = Known Issue"))
                .containsExactly(Map.entry("FLAKY", "Retest"), Map.entry("STOPPED", "Known Issue"));
        assertThatThrownBy(() -> SettingMaps.parseSuiteMap("Checkout")).isInstanceOf(InvalidSettingsException.class)
                .hasMessageContaining("Loadmill suite=TestRail suite");
        assertThatThrownBy(() -> SettingMaps.parseStatusMap("FLAKY=Retest\nflaky=Failed"))
                .hasMessageContaining("twice");
        assertThat(SettingMaps.parseCaseFieldDefaults("custom_area=3\ntype_id = 7"))
                .containsExactly(Map.entry("custom_area", "3"), Map.entry("type_id", "7"));
        assertThatThrownBy(() -> SettingMaps.parseCaseFieldDefaults("custom_area")).hasMessageContaining("system_name=value");
        assertThat(SettingMaps.idOf("S31")).hasValue(31);
        assertThat(SettingMaps.idOf("Suite 31")).isEmpty();
    }

    @Test
    void builderAppliesDefaultsAndValidates() {
        PublishSettings s = PublishSettings.builder().project("P").build();
        assertThat(s.matching()).isEqualTo(MatchMode.NAME);
        assertThat(s.caseSensitive()).isTrue();
        assertThat(s.section()).isEqualTo("Loadmill");
        assertThat(s.batchSize()).isEqualTo(250);
        assertThat(s.runName()).isEqualTo(PublishSettings.DEFAULT_RUN_NAME);
        assertThatThrownBy(() -> PublishSettings.builder().build()).hasMessageContaining("project is missing");
        assertThatThrownBy(() -> PublishSettings.builder().project("P").existingRunId(1).existingPlanId(2).build())
                .hasMessageContaining("only one");
        assertThatThrownBy(() -> PublishSettings.builder().project("P").batchSize(0).build())
                .hasMessageContaining("batch size");
        assertThatThrownBy(() -> PublishSettings.builder().project("P").runName("${JOB_NAME} #${BUILD}").build())
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining("${JOB_NAME}")
                .hasMessageContaining("${LOADMILL_RUN_ID}");
        assertThat(PublishSettings.builder().project("P").variable("JOB_NAME", "j").runName("${JOB_NAME}").build()
                .runName()).isEqualTo("${JOB_NAME}");
    }
}
