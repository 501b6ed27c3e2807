package io.jenkins.plugins.loadmilltestrail.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Test servers on 127.0.0.1: a forward proxy with Basic credentials, and an HTTPS front of an HTTP server. */
final class LoopbackServers {
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "proxy-authorization", "proxy-connection", "keep-alive", "transfer-encoding", "te", "trailer");
    private static final HttpClient CLIENT = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    private LoopbackServers() {}

    /** A forward HTTP proxy that wants {@code user:password} and records the host:port of every request it forwarded. */
    static final class Proxy implements AutoCloseable {
        final HttpServer server;
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        final List<String> refused = new CopyOnWriteArrayList<>();

        Proxy(String user, String password) throws IOException {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                URI target = exchange.getRequestURI();
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
                    refused.add(target.getHost() + ":" + target.getPort());
                    exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test proxy\"");
                    exchange.sendResponseHeaders(407, -1);
                    exchange.close();
                    return;
                }
                forwarded.add(target.getHost() + ":" + target.getPort());
                forward(exchange, target);
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** HTTPS on 127.0.0.1 with a self-signed certificate for 127.0.0.1, forwarding every request to {@code target}. */
    static final class HttpsFront implements AutoCloseable {
        final HttpsServer server;
        final Path caPem;

        HttpsFront(Path dir, String target) throws Exception {
            Path keyStore = dir.resolve("server.p12");
            caPem = dir.resolve("ca.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-validity", "2",
                    "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
            keytool(keytool, "-exportcert", "-rfc", "-alias", "server", "-keystore", keyStore.toString(),
                    "-storetype", "PKCS12", "-storepass", "changeit", "-file", caPem.toString());
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, "changeit".toCharArray());
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(tls));
            server.setExecutor(Executors.newCachedThreadPool());
            URI base = URI.create(target);
            server.createContext("/", exchange -> forward(exchange,
                    URI.create(base.getScheme() + "://" + base.getRawAuthority() + exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()))));
            server.start();
        }

        String url(String path) {
            return "https://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        private static void keytool(String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void forward(HttpExchange exchange, URI target) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
