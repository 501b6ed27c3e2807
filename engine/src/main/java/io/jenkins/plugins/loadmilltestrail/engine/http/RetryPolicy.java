package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How long and how often one API call may retry: {@code backoff} between attempts, at most
 * {@code maxAttempts} attempts and at most {@code maxWait} of waiting in total (Retry-After and
 * backoff together). Which failures are safe to retry is the client's decision.
 */
public record RetryPolicy(Backoff backoff, Duration maxWait, int maxAttempts) {

    public RetryPolicy {
        if (maxAttempts < 1 || maxWait.isNegative()) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and a non-negative maxWait");
        }
    }

    public static RetryPolicy standard(Duration maxWait) {
        return new RetryPolicy(Backoff.DEFAULT, maxWait, 12);
    }

    public RetryBudget newBudget() {
        return new RetryBudget(this);
    }

    /**
     * The server's Retry-After: seconds (decimals tolerated) or an HTTP date. Empty when missing
     * or unparsable, so the caller falls back to backoff.
     */
    public static Optional<Duration> retryAfter(HttpExchange exchange, ZonedDateTime now) {
        Optional<String> header = exchange.header("Retry-After").map(String::trim);
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        try {
            double seconds = Double.parseDouble(value);
            if (seconds >= 0 && seconds < 86_400 * 7) {
                return Optional.of(Duration.ofMillis((long) Math.ceil(seconds * 1000)));
            }
            return Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }
}
