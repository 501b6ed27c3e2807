package io.jenkins.plugins.loadmilltestrail.engine.testrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.loadmilltestrail.engine.ProgressListener;
import io.jenkins.plugins.loadmilltestrail.engine.RetryNotice;
import io.jenkins.plugins.loadmilltestrail.engine.http.CallStats;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpExchange;
import io.jenkins.plugins.loadmilltestrail.engine.http.HttpTransport;
import io.jenkins.plugins.loadmilltestrail.engine.http.RateLimiter;
import io.jenkins.plugins.loadmilltestrail.engine.http.RequestNotSentException;
import io.jenkins.plugins.loadmilltestrail.engine.http.ResponseTooLargeException;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryBudget;
import io.jenkins.plugins.loadmilltestrail.engine.http.RetryPolicy;
import io.jenkins.plugins.loadmilltestrail.engine.http.Sleeper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Sends TestRail API calls: URL and auth, the shared per-host rate limiter, retries within a
 * {@link RetryPolicy}, pagination, and turning refusals into {@link TestRailException}s.
 *
 * <p>What is retried: GETs on a network failure, 409, 429, 500, 502, 503 and 504. Writes (POST)
 * only when TestRail cannot have acted: 429 and 409 (refused before processing), or a network
 * failure before the request was sent ({@link RequestNotSentException}). Any other failure of
 * a write once sent (5xx, read timeout, dropped connection) is reported as
 * {@link WriteOutcomeUnknown}, for the caller to check TestRail before trying again. OkHttp's own
 * silent retry on connection failure is switched off for the same reason. Every retry is reported
 * to the {@link ProgressListener} before its wait.
 */
final class TestRailHttp {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final String API = "index.php?/api/v2/";
    private static final int PAGE_LIMIT = 250;
    /**
     * The most pages one list call reads: 2.5 million items at TestRail's 250 a page, far beyond
     * real projects, but an end to a server or proxy whose next links never stop.
     */
    static final int MAX_PAGES = 10_000;
    /**
     * Calls of one client at once. A job calls TestRail from one thread; the rate limiter, not
     * this, paces the calls. Enough for a few concurrent callers, and none of them waits for calls
     * of other clients.
     */
    private static final int MAX_CONCURRENT_CALLS = 4;

    /** A write failed after it may have reached TestRail. */
    static final class WriteOutcomeUnknown extends Exception {
        private static final long serialVersionUID = 1L;

        WriteOutcomeUnknown(String failure) {
            super(failure, null, false, false);
        }

        String failure() {
            return getMessage();
        }
    }

    private final String base;
    private final String authorization;
    private final HttpTransport transport;
    private final CallStats stats;
    private final RateLimiter limiter;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ProgressListener progress;
    private final TestRailErrors errors;

    private final int maxPages;

    TestRailHttp(TestRailSettings settings, OkHttpClient shared, RetryPolicy policy, RateLimiter limiter, Sleeper sleeper,
            ProgressListener progress, int maxPages) {
        this.base = TestRailUrls.parseBase(settings.baseUrl());
        this.authorization = Credentials.basic(settings.user(), settings.apiKey(), StandardCharsets.UTF_8);
        this.stats = new CallStats();
        // Redirects are not followed: OkHttp would turn a redirected POST into a GET, and a redirect
        // means the configured URL is not the API's (reported with its target). HttpTransport keeps
        // the caller's proxy and connection pool, adds the limits and the send probe, and switches
        // off OkHttp's silent retry.
        this.transport = new HttpTransport(shared.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .build(), settings.httpLimits(), MAX_CONCURRENT_CALLS, stats);
        this.limiter = limiter;
        this.policy = policy;
        this.sleeper = sleeper;
        this.progress = progress;
        this.maxPages = maxPages;
        this.errors = new TestRailErrors(base, settings.user(), settings.requestsPerMinute(), policy.maxWait());
    }

    String base() {
        return base;
    }

    CallStats stats() {
        return stats;
    }

    TestRailErrors errors() {
        return errors;
    }

    RetryPolicy policy() {
        return policy;
    }

    /** One GET read with {@code parse}, e.g. {@code get("get_case", "get_case/12", TestRailJson::testCase)}. */
    <T> T get(String method, String path, Function<JsonNode, T> parse) throws InterruptedException {
        return read(method, get(method, path), parse);
    }

    /**
     * Every item of a list call read with {@code parse}, following {@code _links.next}; bare arrays
     * are one page. An empty page ends the list even when it links a next one: it holds nothing to
     * miss, and links that go on past empty pages would be followed up to the page cap.
     */
    <T> List<T> getAll(String method, String path, String key, Function<JsonNode, T> parse)
            throws InterruptedException {
        List<T> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = path;
        while (!next.isEmpty()) {
            if (seen.size() == maxPages) {
                throw errors.unexpected(method, "it goes on for more than " + maxPages + " pages, the most one list "
                        + "call reads");
            }
            if (!seen.add(next)) {
                throw new TestRailException("TestRail's pagination of " + method + " loops back to a page already read ("
                        + next + "). Check the TestRail server; this is not a setting of this job.", 200, "");
            }
            JsonNode page = get(method, next);
            List<T> items = read(method, page, p -> TestRailJson.items(p, key).stream().map(parse).toList());
            all.addAll(items);
            next = items.isEmpty() ? "" : followable(TestRailJson.nextLink(page));
        }
        return all;
    }

    /** An answer read with {@code parse}; JSON that is not TestRail's is an unexpected answer to {@code method}. */
    <T> T read(String method, JsonNode answer, Function<JsonNode, T> parse) {
        try {
            return parse.apply(answer);
        } catch (TestRailJson.Malformed malformed) {
            throw errors.unexpected(method, malformed.getMessage());
        }
    }

    /** One POST. Retries only what cannot have taken effect; see the class comment. */
    JsonNode post(String method, String path, JsonNode body, RetryBudget budget)
            throws InterruptedException, WriteOutcomeUnknown {
        return call(method, path, RequestBody.create(body.toString(), JSON), budget);
    }

    /**
     * One multipart/form-data POST of a file in the form field {@code field} (TestRail's attachment
     * endpoints), rate limited, counted and retried like any write.
     */
    JsonNode upload(String method, String path, String field, String fileName, String contentType, byte[] content,
            RetryBudget budget) throws InterruptedException, WriteOutcomeUnknown {
        RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart(field, fileName, RequestBody.create(content, MediaType.get(contentType)))
                .build();
        return call(method, path, body, budget);
    }

    /**
     * Waits before repeating a write that failed with {@code failure} and that reading TestRail
     * back showed not done; false when the budget is spent.
     */
    boolean backOffForRewrite(String method, String failure, RetryBudget budget) throws InterruptedException {
        Duration wait = budget.nextBackoff();
        if (!budget.allows(wait)) {
            return false;
        }
        backOff(method, failure + "; TestRail does not show it done", wait, budget);
        return true;
    }

    /**
     * A {@code _links.next} value as TestRail writes it ("/api/v2/get_cases/1&limit=250&offset=250")
     * turned into a path for {@link #get}; a {@code limit=0} some servers wrote becomes 250.
     */
    static String followable(String next) {
        if (next.isBlank()) {
            return "";
        }
        String path = next.strip();
        int api = path.indexOf("api/v2/");
        if (api >= 0) {
            path = path.substring(api + "api/v2/".length());
        }
        return path.replaceAll("([&?])limit=0(?=&|$)", "$1limit=" + PAGE_LIMIT);
    }

    private JsonNode get(String method, String path) throws InterruptedException {
        try {
            return call(method, path, null, policy.newBudget());
        } catch (WriteOutcomeUnknown impossible) {
            throw new IllegalStateException("a GET is never an unknown write", impossible);
        }
    }

    private JsonNode call(String method, String path, RequestBody body, RetryBudget budget)
            throws InterruptedException, WriteOutcomeUnknown {
        boolean write = body != null;
        // The last answer that made a GET retry: reported if a later retry gets no answer at all,
        // since that answer (not the last retry's timeout) is what the user has to act on.
        HttpExchange retried = null;
        while (true) {
            budget.startAttempt();
            stats.recordRateLimitWait(limiter.acquire());
            HttpExchange answer;
            try {
                answer = attempt(method, path, body, budget);
            } catch (ResponseTooLargeException e) {
                // The same request would get the same answer: not retried.
                if (write) {
                    throw new WriteOutcomeUnknown("its answer was too large (" + e.getMessage() + ")");
                }
                throw errors.tooLarge(method, e);
            } catch (IOException e) {
                if (write && !(e instanceof RequestNotSentException)) {
                    throw new WriteOutcomeUnknown("the connection failed (" + HttpTransport.describe(e) + ")");
                }
                Duration wait = budget.nextBackoff();
                if (!budget.allows(wait)) {
                    throw retried == null ? errors.unreachable(method, e, budget.attempts())
                            : errors.refused(method, retried, budget.attempts());
                }
                backOff(method, HttpTransport.describe(e), wait, budget);
                continue;
            }
            int status = answer.status();
            if (answer.isSuccessful()) {
                return TestRailJson.parse(answer.body()).orElseThrow(() -> errors.notJson(method, answer));
            }
            if (status == 429) {
                stats.recordThrottled();
                Duration wait = RetryPolicy.retryAfter(answer, ZonedDateTime.now(ZoneOffset.UTC))
                        .orElseGet(budget::nextBackoff);
                if (!budget.allows(wait)) {
                    throw errors.refused(method, answer, budget.attempts());
                }
                // The next acquire() waits out the pause, for every client of this host.
                budget.spend(wait);
                progress.retrying(new RetryNotice("TestRail", method, "HTTP 429, rate limited", budget.attempts(), wait));
                limiter.throttled(Optional.of(wait));
                stats.recordRetry();
                continue;
            }
            boolean serverTrouble = status == 500 || status == 502 || status == 503 || status == 504;
            if (write && serverTrouble) {
                throw new WriteOutcomeUnknown("TestRail answered HTTP " + status);
            }
            if (status == 409 || serverTrouble) {
                retried = answer;
                Duration wait = budget.nextBackoff();
                if (budget.allows(wait)) {
                    backOff(method, "HTTP " + status + (status == 409 ? ", maintenance" : ""), wait, budget);
                    continue;
                }
            }
            throw errors.refused(method, answer, budget.attempts());
        }
    }

    /** One attempt within its deadline; a retry's time counts against the budget. */
    private HttpExchange attempt(String method, String path, RequestBody body, RetryBudget budget)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        try {
            return transport.execute(request(path, body), method, budget.attemptDeadline(transport.limits().callTimeout()));
        } finally {
            budget.attemptTook(Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void backOff(String method, String cause, Duration wait, RetryBudget budget) throws InterruptedException {
        progress.retrying(new RetryNotice("TestRail", method, cause, budget.attempts(), wait));
        budget.spend(wait);
        stats.recordRetry();
        stats.recordBackoffWait(wait);
        sleeper.sleep(wait);
    }

    private Request request(String path, RequestBody body) {
        Request.Builder builder = new Request.Builder()
                .url(base + API + path)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .header("User-Agent", "loadmill-testrail");
        if (body != null) {
            builder.post(body);
        }
        return builder.build();
    }
}
