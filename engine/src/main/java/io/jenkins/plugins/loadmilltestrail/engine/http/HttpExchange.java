package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A finished HTTP exchange: status, response headers (names lower-cased) and body text, twice:
 * {@code body} as received, to parse, and {@code quotable} with the request's credentials hidden
 * ({@link Redaction#hideCredentials}), the only form to put in messages. Carries nothing else from
 * the request, so it can never leak an Authorization header.
 */
public record HttpExchange(int status, Map<String, List<String>> headers, String body, String quotable,
        Duration took) {

    public HttpExchange {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /** The first {@code max} characters of the {@link #quotable} body on one line, for error messages. */
    public String bodyPreview(int max) {
        String oneLine = quotable.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }
}
