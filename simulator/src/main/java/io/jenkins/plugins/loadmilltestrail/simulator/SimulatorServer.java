package io.jenkins.plugins.loadmilltestrail.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;

/**
 * A JDK {@link HttpServer} on a loopback port with a single request handler, shared by both
 * simulators. Offers the answer helpers they need (JSON, text, faults, simulated latency).
 */
public final class SimulatorServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus delayed
        // ACKs stall each answer by ~40 ms. Read once per JVM, when the first server is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile Duration latency = Duration.ZERO;

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port 0 for a free port
     * @param handler called for every request; exceptions become 500 answers
     */
    public SimulatorServer(int port, Consumer<HttpExchange> handler) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on loopback port " + port, e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "simulator-" + server.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                sleep(latency);
                handler.accept(exchange);
            } catch (RuntimeException e) {
                try {
                    send(exchange, 500, "application/json", "{\"error\":\"simulator failure: "
                            + String.valueOf(e.getMessage()).replace("\"", "'") + "\"}", Map.of());
                } catch (UncheckedIOException ignored) {
                    // The client went away; nothing to tell it.
                }
            }
        });
        server.start();
    }

    /** http://127.0.0.1:PORT (no trailing slash). */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every answer waits this long first (simulated network and server time). */
    public void setLatency(Duration latency) {
        this.latency = latency;
    }

    public Duration latency() {
        return latency;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Reads the request body as UTF-8. */
    public static String body(HttpExchange exchange) {
        try {
            return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Actions to run just before an answer goes out. Kept here rather than in exchange attributes
     * because the JDK 17 server stores those in the context, shared by concurrent requests.
     */
    private static final Map<HttpExchange, Runnable> ON_ANSWER =
            java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /**
     * Runs {@code action} once, just before the answer to {@code exchange} starts going out (or
     * when {@link #answered} is called first). Simulators use it to stop counting a request as in
     * flight before the client can see the answer and send its next request.
     */
    public static void onAnswer(HttpExchange exchange, Runnable action) {
        ON_ANSWER.put(exchange, action);
    }

    /** Runs the {@link #onAnswer} action, if it has not run yet. */
    public static void answered(HttpExchange exchange) {
        Runnable action = ON_ANSWER.remove(exchange);
        if (action != null) {
            action.run();
        }
    }

    /** Sends an answer with the given content type and extra headers. */
    public static void send(HttpExchange exchange, int status, String contentType, String body,
            Map<String, String> headers) {
        try {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (!contentType.isEmpty()) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            answered(exchange);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Applies a fault: waits its delay, then either answers with it (returns true: the request is
     * done), drops the connection (true), or lets the real answer go ahead (false).
     */
    public static boolean apply(HttpExchange exchange, Fault fault) {
        sleep(fault.delay());
        if (fault.passThrough()) {
            return false;
        }
        if (fault.dropConnection()) {
            answered(exchange);
            exchange.close();
            return true;
        }
        if (!fault.stream().isNone()) {
            stream(exchange, fault);
            return true;
        }
        String contentType = fault.headers().getOrDefault("Content-Type", "");
        Map<String, String> others = new java.util.LinkedHashMap<>(fault.headers());
        others.remove("Content-Type");
        send(exchange, fault.status(), contentType, fault.echoCredentials() ? fault.body() + echo(exchange) : fault.body(),
                others);
        return true;
    }

    /** Sends a fault's generated body ({@link Fault.Stream}) until it is complete or the client goes away. */
    private static void stream(HttpExchange exchange, Fault fault) {
        Fault.Stream stream = fault.stream();
        boolean paced = !stream.pace().isZero() && !stream.pace().isNegative();
        fault.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        answered(exchange);
        byte[] chunk = new byte[paced ? 1 : 64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        try {
            exchange.sendResponseHeaders(fault.status(), stream.declareLength() ? stream.bytes() : 0);
            try (OutputStream raw = exchange.getResponseBody();
                    OutputStream out = stream.gzip() ? new GZIPOutputStream(raw, chunk.length) : raw) {
                for (long left = stream.bytes(); left > 0 && !Thread.currentThread().isInterrupted(); left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    if (paced) {
                        out.flush();
                        sleep(stream.pace());
                    }
                }
            }
        } catch (IOException clientWentAway) {
            // A client that stops reading a huge or endless answer is what these faults are for.
        }
    }

    /**
     * The request's headers as a gateway's debug page might show them: Authorization first (so it
     * falls within any preview a client quotes), then its Basic credentials decoded, then the other
     * headers by name.
     */
    static String echo(HttpExchange exchange) {
        Headers headers = exchange.getRequestHeaders();
        StringBuilder text = new StringBuilder();
        String authorization = headers.getFirst("Authorization");
        if (authorization != null) {
            text.append("Authorization: ").append(authorization).append('\n');
            if (authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                // The MIME decoder skips what is not Base64: a malformed header is echoed, not a failure.
                text.append("Credentials: ").append(new String(Base64.getMimeDecoder().decode(authorization.substring(6)),
                        StandardCharsets.UTF_8)).append('\n');
            }
        }
        new TreeMap<>(headers).forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Authorization")) {
                text.append(name).append(": ").append(String.join(", ", values)).append('\n');
            }
        });
        return text.toString();
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
