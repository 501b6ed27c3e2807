package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket shared by every client of one host in the JVM, so that many Jenkins builds
 * publishing at once stay under the server's per-instance limit together.
 *
 * <p>The bucket holds at most {@code burst = max(1, permits / 20)} tokens and refills at
 * {@code (permits - burst - 1) / window}: no window of length {@code window} sees more than
 * {@code permits - 1} grants (a full bucket plus one window of refill), and the spare request
 * absorbs send-time jitter, so the server's own count stays within {@code permits} too. The
 * steady rate is about 94% of the limit (170 of 180 per minute). When the server still answers
 * 429, {@link #throttled} stops every client of the host until the server's Retry-After has passed
 * and halves the rate (down to an eighth) for two windows.
 */
public final class RateLimiter {

    /** At most {@code permits} requests in any {@code window}. */
    public record Limit(int permits, Duration window) {
        public Limit {
            if (permits < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("need permits >= 1 and a positive window");
            }
        }

        public static Limit perMinute(int permits) {
            return new Limit(permits, Duration.ofMinutes(1));
        }
    }

    private static final ConcurrentHashMap<String, RateLimiter> HOSTS = new ConcurrentHashMap<>();
    private static final int MAX_SLOWDOWN = 8;

    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private Limit limit;
    private double tokens;
    private long refilledAt;
    private long pausedUntil;
    private int slowdown = 1;
    private long slowdownUntil;

    public RateLimiter(Limit limit, LongSupplier nanoClock, Sleeper sleeper) {
        this.limit = limit;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.refilledAt = nanoClock.getAsLong();
        this.pausedUntil = refilledAt;
        this.slowdownUntil = refilledAt;
        this.tokens = burst(limit);
    }

    /**
     * The limiter of {@code scheme://host:port}, created on first use. The limit of the latest
     * caller applies to all its clients (one setting per TestRail instance is the normal case).
     */
    public static RateLimiter forHost(String scheme, String host, int port, Limit limit) {
        RateLimiter limiter = joinHost(scheme, host, port, limit);
        limiter.setLimit(limit);
        return limiter;
    }

    /**
     * The limiter of {@code scheme://host:port}, created with {@code initial} on first use; an
     * existing limiter keeps its limit. For calls that must count against the host's rate without
     * changing what other clients of the host do (a "Test connection" button).
     */
    public static RateLimiter joinHost(String scheme, String host, int port, Limit initial) {
        String key = scheme.toLowerCase(Locale.ROOT) + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        return HOSTS.computeIfAbsent(key, k -> new RateLimiter(initial, System::nanoTime, Sleeper.SYSTEM));
    }

    public synchronized void setLimit(Limit value) {
        if (!value.equals(limit)) {
            refill(nanoClock.getAsLong());
            limit = value;
            tokens = Math.min(tokens, burst(value));
        }
    }

    public synchronized Limit limit() {
        return limit;
    }

    /** Blocks until one request may be sent; returns how long that took. */
    public Duration acquire() throws InterruptedException {
        long start = nanoClock.getAsLong();
        while (true) {
            long waitNanos;
            synchronized (this) {
                long now = nanoClock.getAsLong();
                refill(now);
                if (now < pausedUntil) {
                    waitNanos = pausedUntil - now;
                } else if (tokens >= 1) {
                    tokens -= 1;
                    return Duration.ofNanos(now - start);
                } else {
                    waitNanos = (long) Math.ceil((1 - tokens) / refillPerNano());
                }
            }
            sleeper.sleep(Duration.ofNanos(Math.max(waitNanos, 100_000)));
        }
    }

    /**
     * The server answered 429 (or asked to back off): nobody on this host sends before
     * {@code pause} has passed, and the rate is halved for two windows.
     */
    public synchronized void throttled(Optional<Duration> pause) {
        long now = nanoClock.getAsLong();
        refill(now);
        pause.ifPresent(p -> pausedUntil = Math.max(pausedUntil, now + p.toNanos()));
        slowdown = Math.min(MAX_SLOWDOWN, slowdown * 2);
        slowdownUntil = now + 2 * limit.window().toNanos();
        tokens = Math.min(tokens, 0);
    }

    /** 1 normally; 2, 4 or 8 while recent 429s slow this host down. */
    public synchronized int slowdown() {
        refill(nanoClock.getAsLong());
        return slowdown;
    }

    private void refill(long now) {
        if (slowdown > 1 && now >= slowdownUntil) {
            slowdown = 1;
        }
        long elapsed = now - refilledAt;
        if (elapsed > 0) {
            tokens = Math.min(burst(limit), tokens + elapsed * refillPerNano());
            refilledAt = now;
        }
    }

    private double refillPerNano() {
        int perWindow = Math.max(limit.permits() - burst(limit) - 1, 1);
        return perWindow / (double) limit.window().toNanos() / slowdown;
    }

    private static int burst(Limit limit) {
        return Math.max(1, limit.permits() / 20);
    }
}
