package io.jenkins.plugins.loadmilltestrail.engine.http;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.time.Duration;
import java.util.Objects;

/**
 * How long one HTTP call may take and how much of its answer is read.
 *
 * @param connectTimeout the most a TCP connection may take to open; zero for no limit
 * @param readTimeout the most the server may stay silent while answering (and the most sending
 *     the request may stall); zero for no limit
 * @param callTimeout the deadline of the whole call, from connecting to the last byte of the
 *     answer: a server that trickles its answer keeps within any read timeout, never within this
 * @param maxResponseBytes the most bytes of one answer read into memory, after gzip decoding;
 *     larger answers fail the call instead of exhausting the heap
 */
public record HttpLimits(Duration connectTimeout, Duration readTimeout, Duration callTimeout, long maxResponseBytes) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(2);
    /** 32 MiB: hundreds of times what the largest real page of either API holds. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    public static final HttpLimits DEFAULTS = new HttpLimits(DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
            DEFAULT_CALL_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES);

    public HttpLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
    }

    /**
     * Checks the limits; messages name the service ("TestRail", "Loadmill") and the setting.
     *
     * @throws InvalidSettingsException when a timeout is negative, the call timeout is not
     *     positive, or the answer size is below 1 KiB
     */
    public HttpLimits validated(String service) {
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new InvalidSettingsException(service + " connect and read timeouts must not be negative (0 means no "
                    + "limit); got " + Durations.human(connectTimeout) + " and " + Durations.human(readTimeout) + ".");
        }
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new InvalidSettingsException("The " + service + " call timeout must be positive: it is what ends a "
                    + "call whose server answers too slowly; got " + Durations.human(callTimeout) + ".");
        }
        if (maxResponseBytes < 1024) {
            throw new InvalidSettingsException("The largest " + service + " answer must be at least 1024 bytes; got "
                    + maxResponseBytes + ".");
        }
        return this;
    }

    public HttpLimits withTimeouts(Duration connect, Duration read) {
        return new HttpLimits(connect, read, callTimeout, maxResponseBytes);
    }

    public HttpLimits withCallTimeout(Duration value) {
        return new HttpLimits(connectTimeout, readTimeout, value, maxResponseBytes);
    }

    public HttpLimits withMaxResponseBytes(long value) {
        return new HttpLimits(connectTimeout, readTimeout, callTimeout, value);
    }
}
