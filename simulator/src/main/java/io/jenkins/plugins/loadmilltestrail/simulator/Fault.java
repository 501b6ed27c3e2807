package io.jenkins.plugins.loadmilltestrail.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scripted misbehaviour: answer with this status, headers and body instead of the real answer,
 * optionally after a delay; or, with {@code passThrough}, only delay the real answer; or, with
 * {@code dropConnection}, close the connection without answering. With {@code echoCredentials}
 * the body is followed by the request's headers ({@link SimulatorServer#echo}).
 */
public record Fault(int status, Map<String, String> headers, String body, Duration delay, boolean passThrough,
        boolean dropConnection, boolean echoCredentials) {

    public Fault {
        headers = Map.copyOf(headers);
    }

    /** Answer {@code status} with a JSON error body. */
    public static Fault status(int status, String jsonBody) {
        return new Fault(status, Map.of("Content-Type", "application/json; charset=utf-8"), jsonBody, Duration.ZERO,
                false, false, false);
    }

    /**
     * Answer 200 with {@code jsonBody} as it is, like a proxy or gateway answering in TestRail's
     * place with JSON that is not what TestRail sends (e.g. "{}", or a list without its key).
     */
    public static Fault ok(String jsonBody) {
        return status(200, jsonBody);
    }

    /** Answer {@code status} with an HTML page, like a proxy or login page. */
    public static Fault html(int status, String html) {
        return new Fault(status, Map.of("Content-Type", "text/html; charset=utf-8"), html, Duration.ZERO, false, false, false);
    }

    /**
     * Answer {@code status} with a text page that echoes the request's credentials and headers, as
     * gateways, debug endpoints and login pages may, even with status 200.
     */
    public static Fault echoingCredentials(int status) {
        return new Fault(status, Map.of("Content-Type", "text/plain; charset=utf-8"), "", Duration.ZERO, false, false,
                true);
    }

    /** Answer the real response, but only after {@code delay}. */
    public static Fault slow(Duration delay) {
        return new Fault(200, Map.of(), "", delay, true, false, false);
    }

    /** Close the connection without an answer (a network failure). */
    public static Fault dropped() {
        return new Fault(0, Map.of(), "", Duration.ZERO, false, true, false);
    }

    /** The same fault with one more header. */
    public Fault withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fault(status, copy, body, delay, passThrough, dropConnection, echoCredentials);
    }

    /** The same fault, answered after {@code value}. */
    public Fault after(Duration value) {
        return new Fault(status, headers, body, value, passThrough, dropConnection, echoCredentials);
    }
}
