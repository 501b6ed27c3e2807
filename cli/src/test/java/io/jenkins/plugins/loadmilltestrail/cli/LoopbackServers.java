package io.jenkins.plugins.loadmilltestrail.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Test servers on 127.0.0.1: a forward proxy with Basic credentials, a tunnelling (CONNECT) proxy,
 * and an HTTPS front of an HTTP server.
 */
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
            this(dir, target, "127.0.0.1");
        }

        /** The certificate names {@code hostName} (and 127.0.0.1), for a client that resolves that name to here. */
        HttpsFront(Path dir, String target, String hostName) throws Exception {
            Path keyStore = dir.resolve("server.p12");
            caPem = dir.resolve("ca.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            String names = hostName.equals("127.0.0.1") ? "IP:127.0.0.1" : "DNS:" + hostName + ",IP:127.0.0.1";
            keytool(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=" + hostName, "-ext", "SAN=" + names, "-validity", "2",
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
            return "https://127.0.0.1:" + port() + path;
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** A PKCS12 trust store (password "changeit") holding these certificates, as a JVM's javax.net.ssl.trustStore. */
        static Path trustStore(Path store, List<Path> certificates) throws Exception {
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            for (int i = 0; i < certificates.size(); i++) {
                keytool(keytool, "-importcert", "-noprompt", "-alias", "trusted-" + i, "-file", certificates.get(i).toString(),
                        "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
            }
            return store;
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

    /**
     * An HTTP proxy that only tunnels (CONNECT), as proxies for https addresses do, to the local
     * port its routes give for the requested host:port; it refuses any other destination with 502.
     * It records every tunnel it opened.
     */
    static final class TunnelProxy implements AutoCloseable {
        final List<String> tunnels = new CopyOnWriteArrayList<>();
        private final Map<String, Integer> routes;
        private final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "tunnel-proxy");
            thread.setDaemon(true);
            return thread;
        });

        /** @param routes "host:port" as the client asks for it, to the port on 127.0.0.1 that answers for it */
        TunnelProxy(Map<String, Integer> routes) throws IOException {
            this.routes = Map.copyOf(routes);
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    threads.execute(() -> tunnel(client));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void tunnel(Socket client) {
            try (client) {
                InputStream in = client.getInputStream();
                String requestLine = line(in);
                while (!line(in).isEmpty()) {
                    // headers: nothing to check, this proxy wants no credentials
                }
                String[] parts = requestLine.split(" ");
                Integer port = parts.length == 3 && parts[0].equals("CONNECT") ? routes.get(parts[1].toLowerCase(Locale.ROOT)) : null;
                OutputStream out = client.getOutputStream();
                if (port == null) {
                    out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                try (Socket target = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    tunnels.add(parts[1]);
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    threads.execute(() -> copy(client, target));
                    copy(target, client);
                }
            } catch (IOException ended) {
                // either side closed the tunnel
            }
        }

        /** One header line, read byte by byte so that nothing after the header is consumed. */
        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b; (b = in.read()) != -1 && b != '\n'; ) {
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private static void copy(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException ended) {
                // the other direction ends the tunnel
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
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
