package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Executes one HTTP request and reads the whole answer, counting it in {@link CallStats}.
 *
 * <p>Unlike {@link Call#execute()}, waiting here reacts to {@link Thread#interrupt()}: the call is
 * cancelled and {@link InterruptedException} thrown, so an aborted Jenkins build stops promptly.
 * No retries here; the service clients decide what is safe to repeat.
 */
public final class HttpTransport {
    private final OkHttpClient client;
    private final CallStats stats;

    public HttpTransport(OkHttpClient client, CallStats stats) {
        this.client = client;
        this.stats = stats;
    }

    public CallStats stats() {
        return stats;
    }

    /**
     * Sends the request.
     *
     * @param method the name counted in {@link CallStats}, e.g. "get_cases"
     * @throws IOException when no HTTP answer arrived (connection refused, timeout, reset)
     * @throws InterruptedException when the thread was interrupted; the call is cancelled
     */
    public HttpExchange execute(Request request, String method) throws IOException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before " + method);
        }
        stats.recordCall(method);
        long start = System.nanoTime();
        Call call = client.newCall(request);
        CompletableFuture<HttpExchange> answer = new CompletableFuture<>();
        call.enqueue(new Callback() {
            @Override
            public void onFailure(Call c, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    ResponseBody body = response.body();
                    String text = body.string();
                    answer.complete(new HttpExchange(
                            response.code(), headers(response), text, Duration.ofNanos(System.nanoTime() - start)));
                } catch (IOException | RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            call.cancel();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted during " + method);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    private static Map<String, List<String>> headers(Response response) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : response.headers().names()) {
            out.put(name.toLowerCase(Locale.ROOT), response.headers(name));
        }
        return out;
    }
}
