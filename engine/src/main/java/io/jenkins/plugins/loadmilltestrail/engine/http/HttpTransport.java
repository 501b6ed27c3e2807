package io.jenkins.plugins.loadmilltestrail.engine.http;

import io.jenkins.plugins.loadmilltestrail.engine.Durations;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Executes one HTTP request and reads its answer, counting it in {@link CallStats}.
 *
 * <p>Unlike {@link Call#execute()}, waiting here reacts to {@link Thread#interrupt()}: the call is
 * cancelled and {@link InterruptedException} thrown, so an aborted Jenkins build stops promptly.
 * No retries here; the service clients decide what is safe to repeat. To let them decide, a
 * failure before the request started going out is a {@link RequestNotSentException}, and OkHttp's
 * own silent retry on connection failure is off: it would resend a POST whose pooled connection
 * turned out stale, after the server may have received it. Every answer also comes with its body
 * in a form to quote, with the request's credentials hidden ({@link HttpExchange#quotable}).
 *
 * <p>What one call may cost is bounded ({@link HttpLimits}): a deadline on the whole call, and an
 * answer read only up to {@link HttpLimits#maxResponseBytes()} (a {@link ResponseTooLargeException}
 * beyond). Each transport has its own dispatcher, so calls stuck on one service or job never queue
 * the calls of another behind OkHttp's limit of calls per host.
 */
public final class HttpTransport {
    /** Set by the event listener once the request headers start going out; one per call. */
    private static final class SendProbe {
        private volatile boolean sent;
    }

    /**
     * The threads of every transport's dispatcher. Daemon threads, so that idle ones never keep a
     * CLI's JVM alive; created on demand and ended after a minute idle, like OkHttp's own.
     */
    private static final ExecutorService THREADS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), new ThreadFactory() {
                private final AtomicInteger count = new AtomicInteger();

                @Override
                public Thread newThread(Runnable task) {
                    Thread thread = new Thread(task, "loadmill-testrail HTTP " + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }
            });

    /**
     * How long after its deadline a call may still take to report its end. OkHttp ends a call at
     * its deadline; waiting any longer only guards against a call that can no longer report,
     * e.g. after an OutOfMemoryError in OkHttp itself.
     */
    private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(10);

    private static final int READ_CHUNK = 64 * 1024;

    private final OkHttpClient client;
    private final HttpLimits limits;
    private final CallStats stats;

    /**
     * @param client the caller's client; a derived one is used (same connection pool, proxy and
     *     event listener, plus a send probe), with the timeouts of {@code limits} and a dispatcher of
     *     its own
     * @param maxConcurrentCalls the calls this transport runs at once; more wait for a free slot
     */
    public HttpTransport(OkHttpClient client, HttpLimits limits, int maxConcurrentCalls, CallStats stats) {
        Dispatcher dispatcher = new Dispatcher(THREADS);
        dispatcher.setMaxRequests(maxConcurrentCalls);
        dispatcher.setMaxRequestsPerHost(maxConcurrentCalls);
        EventListener.Factory callers = client.eventListenerFactory();
        this.client = client.newBuilder()
                .dispatcher(dispatcher)
                .connectTimeout(limits.connectTimeout())
                .readTimeout(limits.readTimeout())
                .writeTimeout(limits.readTimeout())
                .retryOnConnectionFailure(false)
                .eventListenerFactory(call -> callers.create(call).plus(new EventListener() {
                    @Override
                    public void requestHeadersStart(Call c) {
                        SendProbe probe = c.request().tag(SendProbe.class);
                        if (probe != null) {
                            probe.sent = true;
                        }
                    }
                }))
                .build();
        this.limits = limits;
        this.stats = stats;
    }

    private HttpTransport(HttpTransport base, HttpLimits limits) {
        this.client = base.client;
        this.limits = limits;
        this.stats = base.stats;
    }

    /** This transport (same dispatcher and stats) with another deadline per call. */
    public HttpTransport withCallTimeout(Duration deadline) {
        return new HttpTransport(this, limits.withCallTimeout(deadline));
    }

    public CallStats stats() {
        return stats;
    }

    public HttpLimits limits() {
        return limits;
    }

    /** As {@link #execute(Request, String, Duration)} with the deadline of the {@link #limits()}. */
    public HttpExchange execute(Request request, String method) throws IOException, InterruptedException {
        return execute(request, method, limits.callTimeout());
    }

    /**
     * Sends the request and reads the answer, all within {@code deadline}.
     *
     * @param method the name counted in {@link CallStats}, e.g. "get_cases"
     * @param deadline positive; a client's retry may pass less than its call timeout
     * @throws RequestNotSentException when the request failed before it started going out
     * @throws ResponseTooLargeException when the answer is larger than the limit
     * @throws IOException when no full HTTP answer arrived after the request (or part of it) was
     *     sent (deadline, timeout, reset, dropped connection): the server may have acted on it
     * @throws InterruptedException when the thread was interrupted; the call is cancelled
     */
    public HttpExchange execute(Request request, String method, Duration deadline)
            throws IOException, InterruptedException {
        return execute(request, method, deadline, Duration.ZERO);
    }

    /**
     * As {@link #execute(Request, String, Duration)}, except that an interrupt does not abandon a
     * request the server may already be acting on: its answer is still awaited for up to {@code
     * graceOnInterrupt} and returned with the thread's interrupt status set again, so that the caller
     * can undo what the request did (e.g. stop the run it started). Without an answer by then the call
     * is cancelled and {@link InterruptedException} thrown.
     */
    public HttpExchange execute(Request request, String method, Duration deadline, Duration graceOnInterrupt)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before " + method);
        }
        stats.recordCall(method);
        long start = System.nanoTime();
        String authorization = Objects.requireNonNullElse(request.header("Authorization"), "");
        SendProbe probe = new SendProbe();
        Call call = client.newCall(request.newBuilder().tag(SendProbe.class, probe).build());
        call.timeout().timeout(deadline.toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture<HttpExchange> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    String text = read(response.body());
                    // Error pages, gateways and login pages may echo the request's headers, with
                    // any status (often 200). Only the quotable form is hidden: hiding a short key
                    // or password in a body to parse could change the data, e.g. case titles.
                    answer.complete(new HttpExchange(response.code(), headers(response), text,
                            Redaction.hideCredentials(text, authorization), Duration.ofNanos(System.nanoTime() - start)));
                } catch (Throwable t) {
                    // OkHttp tells nobody about a Throwable thrown here: without this, the caller
                    // would wait forever.
                    answer.completeExceptionally(t);
                    if (t instanceof VirtualMachineError fatal) {
                        throw fatal; // still the JVM's to report; the caller has its answer
                    }
                }
            }
        });
        IOException failure;
        try {
            return answer.get(deadline.plus(BACKSTOP_GRACE).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            if (graceOnInterrupt.compareTo(Duration.ZERO) > 0) {
                try {
                    HttpExchange late = answer.get(graceOnInterrupt.toNanos(), TimeUnit.NANOSECONDS);
                    Thread.currentThread().interrupt();
                    return late;
                } catch (ExecutionException | TimeoutException | InterruptedException noAnswer) {
                    // Nothing to act on: cancel as without grace.
                }
            }
            call.cancel();
            throw e;
        } catch (TimeoutException e) {
            call.cancel();
            failure = new InterruptedIOException("no outcome of the call within " + Durations.human(deadline)
                    + " (its call timeout) and " + Durations.human(BACKSTOP_GRACE) + " more; it was cancelled");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted during " + method);
            }
            if (cause instanceof ResponseTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            failure = cause instanceof InterruptedIOException && call.isCanceled()
                    ? deadlinePassed(deadline, cause)
                    : cause instanceof IOException io ? io
                    : new IOException("the answer could not be read (" + cause + ")", cause);
        }
        throw probe.sent ? failure : new RequestNotSentException(failure);
    }

    /** OkHttp's call timeout says only "timeout"; this says which. */
    private static IOException deadlinePassed(Duration deadline, Throwable timeout) {
        InterruptedIOException e = new InterruptedIOException("no complete answer within the call timeout of "
                + Durations.human(deadline));
        e.initCause(timeout);
        return e;
    }

    /**
     * The body as text, refused beyond the limit: by its Content-Length before reading, else while
     * reading (after gzip decoding, so a small compressed answer cannot inflate past the limit).
     */
    private String read(ResponseBody body) throws IOException {
        long max = limits.maxResponseBytes();
        if (body.contentLength() > max) {
            throw new ResponseTooLargeException(max, body.contentLength());
        }
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (source.read(buffer, READ_CHUNK) != -1) {
            if (buffer.size() > max) {
                throw new ResponseTooLargeException(max, -1);
            }
        }
        // OkHttp's own decoding: the content type's charset, or a byte order mark, else UTF-8.
        return ResponseBody.create(buffer, body.contentType(), buffer.size()).string();
    }

    /** A network failure for a message: "ConnectException: Failed to connect to /127.0.0.1:8080". */
    public static String describe(IOException e) {
        IOException failure = e instanceof RequestNotSentException notSent ? notSent.failure() : e;
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            out.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return out;
    }
}
