package io.jenkins.plugins.loadmilltestrail.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 26, 7, 0, 0, 0, ZoneOffset.UTC);

    private static Optional<Duration> retryAfter(String value) {
        HttpExchange answer = new HttpExchange(429, value == null ? Map.of() : Map.of("retry-after", List.of(value)), "", "",
                Duration.ZERO);
        return RetryPolicy.retryAfter(answer, NOW);
    }

    @ParameterizedTest
    @CsvSource({"12, 12000", "0, 0", "0.25, 250", "' 3 ', 3000", "'Thu, 26 Nov 2026 07:00:30 GMT', 30000",
            "'Thu, 26 Nov 2026 06:00:00 GMT', 0"})
    void readsSecondsAndDates(String header, long millis) {
        assertThat(retryAfter(header)).hasValue(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"soon", "-5", "''"})
    void unparsableMeansBackoff(String header) {
        assertThat(retryAfter(header)).isEmpty();
    }

    @Test
    void missingMeansBackoff() {
        assertThat(retryAfter(null)).isEmpty();
    }

    @Test
    void budgetBoundsAttemptsAndWaiting() {
        RetryBudget budget = new RetryPolicy(new Backoff(Duration.ofMillis(10), Duration.ofMillis(10)),
                Duration.ofMillis(100), 5).newBudget();
        budget.startAttempt();
        assertThat(budget.allows(Duration.ofMillis(40))).isTrue();
        budget.spend(Duration.ofMillis(40));
        assertThat(budget.allows(Duration.ofMillis(20))).isFalse();
        assertThat(budget.allows(Duration.ofMillis(11))).as("less than MIN_ATTEMPT left for the attempt").isFalse();
        assertThat(budget.allows(Duration.ofMillis(10))).as("exactly MIN_ATTEMPT left").isTrue();
        for (int i = 0; i < 4; i++) {
            budget.startAttempt();
        }
        assertThat(budget.allows(Duration.ZERO)).isFalse();
    }

    @Test
    void retriesAndTheirAttemptsShareTheBudget() {
        RetryBudget budget = RetryPolicy.standard(Duration.ofSeconds(10)).newBudget();
        budget.startAttempt();
        assertThat(budget.attemptDeadline(Duration.ofSeconds(60))).as("the first attempt").isEqualTo(Duration.ofSeconds(60));
        budget.attemptTook(Duration.ofSeconds(60));
        assertThat(budget.waited()).as("the first attempt is not a retry").isZero();

        budget.spend(Duration.ofSeconds(1));
        budget.startAttempt();
        assertThat(budget.attemptDeadline(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(9));
        assertThat(budget.attemptDeadline(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        budget.attemptTook(Duration.ofSeconds(9));
        assertThat(budget.allows(Duration.ZERO)).isFalse();
    }
}
