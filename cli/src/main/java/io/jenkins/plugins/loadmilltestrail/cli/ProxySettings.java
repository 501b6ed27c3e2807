package io.jenkins.plugins.loadmilltestrail.cli;

import io.jenkins.plugins.loadmilltestrail.engine.InvalidSettingsException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * The HTTP proxies to use: {@code --proxy} for both services, else {@code HTTPS_PROXY} for https
 * and {@code HTTP_PROXY} for http addresses (lower-case names too); {@code NO_PROXY} lists hosts
 * reached directly in either case. Credentials in a proxy's URL answer its 407 challenges (Basic).
 */
record ProxySettings(Endpoint https, Endpoint http, List<String> noProxy) {

    /** One proxy: where it is and, if it asks, who we are. The password is never printed. */
    record Endpoint(String host, int port, String user, String password) {
        InetSocketAddress address() {
            return InetSocketAddress.createUnresolved(host, port);
        }

        @Override
        public String toString() {
            return "http://" + host + ":" + port;
        }
    }

    /** The proxies to use, or empty for a direct connection (Java's own proxy settings then apply). */
    static Optional<ProxySettings> of(String option, Map<String, String> env) {
        List<String> noProxy = new ArrayList<>();
        for (String entry : variable(env, "NO_PROXY").orElse("").split(",")) {
            if (!entry.isBlank()) {
                noProxy.add(entry.trim().toLowerCase(Locale.ROOT));
            }
        }
        if (option != null && !option.isBlank()) {
            Endpoint proxy = parse(option, "--proxy");
            return Optional.of(new ProxySettings(proxy, proxy, noProxy));
        }
        Endpoint https = variable(env, "HTTPS_PROXY").map(url -> parse(url, "HTTPS_PROXY")).orElse(null);
        Endpoint http = variable(env, "HTTP_PROXY").map(url -> parse(url, "HTTP_PROXY")).orElse(null);
        return https == null && http == null ? Optional.empty() : Optional.of(new ProxySettings(https, http, noProxy));
    }

    boolean hasPassword() {
        return (https != null && https.password() != null) || (http != null && http.password() != null);
    }

    void applyTo(OkHttpClient.Builder builder) {
        builder.proxySelector(new Selector());
        builder.proxyAuthenticator((route, response) -> {
            Request request = response.request();
            Endpoint proxy = route == null ? null : endpoint(route.proxy().address());
            if (proxy == null || proxy.user() == null || request.header("Proxy-Authorization") != null) {
                return null; // no credentials, or the proxy refused them: the 407 becomes the answer
            }
            return request.newBuilder()
                    .header("Proxy-Authorization", Credentials.basic(proxy.user(), proxy.password() == null ? "" : proxy.password(),
                            StandardCharsets.UTF_8))
                    .build();
        });
    }

    private Endpoint endpoint(SocketAddress address) {
        for (Endpoint candidate : new Endpoint[] {https, http}) {
            if (candidate != null && address instanceof InetSocketAddress inet
                    && inet.getHostString().equalsIgnoreCase(candidate.host()) && inet.getPort() == candidate.port()) {
                return candidate;
            }
        }
        return null;
    }

    /** True when NO_PROXY names this host (or a domain it is in), with or without its port; "*" names all. */
    boolean direct(String host, int port) {
        String name = host.toLowerCase(Locale.ROOT);
        for (String entry : noProxy) {
            String pattern = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("[0-9]+")) {
                if (Integer.parseInt(entry.substring(colon + 1)) != port) {
                    continue;
                }
                pattern = entry.substring(0, colon);
            }
            if (pattern.equals("*")) {
                return true;
            }
            String domain = pattern.startsWith("*.") ? pattern.substring(2) : pattern.startsWith(".") ? pattern.substring(1) : pattern;
            if (name.equals(domain) || name.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private final class Selector extends ProxySelector {
        @Override
        public List<Proxy> select(URI uri) {
            Endpoint proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
            if (proxy == null || uri.getHost() == null || direct(uri.getHost(), port)) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, proxy.address()));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            // OkHttp reports the failure to the caller; nothing to remember here.
        }
    }

    private static Optional<String> variable(Map<String, String> env, String name) {
        for (String key : List.of(name, name.toLowerCase(Locale.ROOT))) {
            String value = env.get(key);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.trim());
            }
        }
        return Optional.empty();
    }

    /** http://[user[:password]@]host[:port][/]; a URL without a scheme is taken as http://. */
    static Endpoint parse(String text, String source) {
        String url = text.trim().contains("://") ? text.trim() : "http://" + text.trim();
        String shown = redact(url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidSettingsException(source + ": '" + shown + "' is not a proxy URL; write it as "
                    + "http://host:port or http://user:password@host:port.");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new InvalidSettingsException(source + ": '" + shown + "' is not an http:// proxy; only HTTP proxies are "
                    + "supported (they tunnel https addresses with CONNECT).");
        }
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/"))) {
            throw new InvalidSettingsException(source + ": '" + shown + "' is not a proxy URL; write it as "
                    + "http://host:port or http://user:password@host:port.");
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new Endpoint(uri.getHost(), uri.getPort() == -1 ? 80 : uri.getPort(), user, password);
    }

    /** The URL with its credentials hidden, for messages. */
    static String redact(String url) {
        return url.replaceFirst("//[^/@]*@", "//****@");
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
