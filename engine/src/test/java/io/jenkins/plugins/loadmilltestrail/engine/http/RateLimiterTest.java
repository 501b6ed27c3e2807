package io.jenkins.plugins.loadmilltestrail.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RateLimiterTest {

    /** A clock that only moves when someone sleeps. */
    private static final class FakeTime implements Sleeper {
        long nanos = 1_000_000_000L;

        @Override
        public void sleep(Duration d) {
            nanos += d.toNanos();
        }
    }

    /** The most grants inside any half-open window [t, t + window). */
    static int mostInAnyWindow(List<Long> grants, long windowNanos) {
        int most = 0;
        int start = 0;
        for (int end = 0; end < grants.size(); end++) {
            while (grants.get(end) - grants.get(start) >= windowNanos) {
                start++;
            }
            most = Math.max(most, end - start + 1);
        }
        return most;
    }

    @ParameterizedTest
    @CsvSource({"180, 60000", "1, 60000", "2, 1000", "60, 1000", "300, 60000"})
    void neverMoreThanTheLimitInAnyWindow(int permits, long windowMillis) throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(permits, Duration.ofMillis(windowMillis)),
                () -> time.nanos, time);
        List<Long> grants = new ArrayList<>();
        for (int i = 0; i < permits * 5 + 3; i++) {
            limiter.acquire();
            grants.add(time.nanos);
        }
        assertThat(mostInAnyWindow(grants, Duration.ofMillis(windowMillis).toNanos())).isLessThanOrEqualTo(permits);
        if (permits >= 20) {
            // Not needlessly slow either: the steady rate is (permits - burst) per window, 95% of the limit.
            long span = grants.get(grants.size() - 1) - grants.get(0);
            assertThat(span).isLessThanOrEqualTo(Duration.ofMillis(windowMillis).toNanos() * 5 * 100 / 90);
        }
    }

    @Test
    void throttlingPausesTheHostAndHalvesTheRateForTwoWindows() throws InterruptedException {
        FakeTime time = new FakeTime();
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(60, Duration.ofSeconds(60)), () -> time.nanos, time);
        limiter.acquire();
        limiter.throttled(Optional.of(Duration.ofSeconds(12)));
        assertThat(limiter.slowdown()).isEqualTo(2);
        long before = time.nanos;
        Duration waited = limiter.acquire();
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofSeconds(12));
        assertThat(time.nanos - before).isGreaterThanOrEqualTo(Duration.ofSeconds(12).toNanos());

        limiter.throttled(Optional.empty());
        assertThat(limiter.slowdown()).isEqualTo(4);
        time.sleep(Duration.ofSeconds(121));
        assertThat(limiter.slowdown()).isEqualTo(1);
    }

    @Test
    void sharedByEveryClientOfAHost() {
        RateLimiter a = RateLimiter.forHost("https", "Example.TestRail.io", 443, RateLimiter.Limit.perMinute(180));
        RateLimiter b = RateLimiter.forHost("HTTPS", "example.testrail.io", 443, RateLimiter.Limit.perMinute(120));
        RateLimiter other = RateLimiter.forHost("https", "example.testrail.io", 8443, RateLimiter.Limit.perMinute(120));
        assertThat(a).isSameAs(b);
        assertThat(a.limit().permits()).isEqualTo(120);
        assertThat(other).isNotSameAs(a);
    }

    @Test
    void threadsShareTheBucket() throws Exception {
        // 40 per 250 ms: a burst of 2, then 38 per 250 ms; 30 grants need at least 28/38 of 250 ms.
        RateLimiter limiter = new RateLimiter(new RateLimiter.Limit(40, Duration.ofMillis(250)), System::nanoTime,
                Sleeper.SYSTEM);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        limiter.acquire();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(180));
    }
}
