package io.jenkins.plugins.loadmilltestrail.engine.http;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Executes one HTTP request and reads the whole answer, counting it in {@link CallStats}.
 *
 * <p>Unlike {@link Call#execute()}, waiting here reacts to {@link Thread#interrupt()}: the call is
 * cancelled and {@link InterruptedException} thrown, so an aborted Jenkins build stops promptly.
 * No retries here; the service clients decide what is safe to repeat. To let them decide, a
 * failure before the request started going out is a {@link RequestNotSentException}, and OkHttp's
 * own silent retry on connection failure is off: it would resend a POST whose pooled connection
 * turned out stale, after the server may have received it. Every answer also comes with its body
 * in a form to quote, with the request's credentials hidden ({@link HttpExchange#quotable}).
 */
public final class HttpTransport {
    /** Set by the event listener once the request headers start going out; one per call. */
    private static final class SendProbe {
        private volatile boolean sent;
    }

    private final OkHttpClient client;
    private final CallStats stats;

    /**
     * @param client the caller's client; a derived one (same pool, dispatcher, proxy) is used, with
     *     the caller's event listener kept and a send probe added to it
     */
    public HttpTransport(OkHttpClient client, CallStats stats) {
        EventListener.Factory callers = client.eventListenerFactory();
        this.client = client.newBuilder()
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
        this.stats = stats;
    }

    public CallStats stats() {
        return stats;
    }

    /**
     * Sends the request.
     *
     * @param method the name counted in {@link CallStats}, e.g. "get_cases"
     * @throws RequestNotSentException when the request failed before it started going out
     * @throws IOException when no HTTP answer arrived after the request (or part of it) was sent
     *     (timeout, reset, dropped connection): the server may have acted on it
     * @throws InterruptedException when the thread was interrupted; the call is cancelled
     */
    public HttpExchange execute(Request request, String method) throws IOException, InterruptedException {
        return execute(request, method, Duration.ZERO);
    }

    /**
     * As {@link #execute(Request, String)}, except that an interrupt does not abandon a request the
     * server may already be acting on: its answer is still awaited for up to {@code graceOnInterrupt}
     * and returned with the thread's interrupt status set again, so that the caller can undo what
     * the request did (e.g. stop the run it started). Without an answer by then the call is
     * cancelled and {@link InterruptedException} thrown.
     */
    public HttpExchange execute(Request request, String method, Duration graceOnInterrupt)
            throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before " + method);
        }
        stats.recordCall(method);
        long start = System.nanoTime();
        String authorization = Objects.requireNonNullElse(request.header("Authorization"), "");
        SendProbe probe = new SendProbe();
        Call call = client.newCall(request.newBuilder().tag(SendProbe.class, probe).build());
        CompletableFuture<HttpExchange> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    String text = response.body().string();
                    // Error pages, gateways and login pages may echo the request's headers, with
                    // any status (often 200). Only the quotable form is hidden: hiding a short key
                    // or password in a body to parse could change the data, e.g. case titles.
                    answer.complete(new HttpExchange(response.code(), headers(response), text,
                            Redaction.hideCredentials(text, authorization), Duration.ofNanos(System.nanoTime() - start)));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        try {
            return answer.get();
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
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted during " + method);
            }
            if (cause instanceof IOException io) {
                throw probe.sent ? io : new RequestNotSentException(io);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
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
