package io.jenkins.plugins.loadmilltestrail.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A scripted misbehaviour: answer with this status, headers and body instead of the real answer,
 * optionally after a delay; or, with {@code passThrough}, only delay the real answer; or, with
 * {@code dropConnection}, close the connection without answering. With {@code echoCredentials}
 * the body is followed by the request's headers ({@link SimulatorServer#echo}). With a {@code
 * stream} other than {@link Stream#NONE}, the body is generated while it is sent, so that answers
 * of any size cost the simulator no memory.
 */
public record Fault(int status, Map<String, String> headers, String body, Duration delay, boolean passThrough,
        boolean dropConnection, boolean echoCredentials, Stream stream) {

    /**
     * A generated body: {@code bytes} bytes of JSON whitespace, sent with a Content-Length when
     * {@code declareLength}, gzip-compressed on the fly when {@code gzip}, and one byte per {@code
     * pace} when {@code pace} is positive. Sending stops early when the client goes away.
     */
    public record Stream(long bytes, boolean declareLength, boolean gzip, Duration pace) {
        public static final Stream NONE = new Stream(0, false, false, Duration.ZERO);

        public boolean isNone() {
            return equals(NONE);
        }
    }

    public Fault {
        headers = Map.copyOf(headers);
    }

    private Fault(int status, Map<String, String> headers, String body, Duration delay, boolean passThrough,
            boolean dropConnection, boolean echoCredentials) {
        this(status, headers, body, delay, passThrough, dropConnection, echoCredentials, Stream.NONE);
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

    /**
     * Answer 200 with {@code bytes} bytes of JSON, announced by Content-Length when {@code
     * declareLength} (else sent chunked): an answer too large to read into memory.
     */
    public static Fault huge(long bytes, boolean declareLength) {
        return new Fault(200, Map.of("Content-Type", "application/json; charset=utf-8"), "", Duration.ZERO, false,
                false, false, new Stream(bytes, declareLength, false, Duration.ZERO));
    }

    /**
     * Answer 200 with {@code Content-Encoding: gzip} and a body that inflates to {@code inflatedBytes}
     * (about a thousandth of that on the wire): a gzip bomb.
     */
    public static Fault gzipBomb(long inflatedBytes) {
        return new Fault(200, Map.of("Content-Type", "application/json; charset=utf-8", "Content-Encoding", "gzip"),
                "", Duration.ZERO, false, false, false, new Stream(inflatedBytes, false, true, Duration.ZERO));
    }

    /**
     * Answer 200, then send the body one byte every {@code pace}, without end: each byte arrives
     * well within any read timeout, so only a deadline on the whole call ends it.
     */
    public static Fault trickle(Duration pace) {
        return new Fault(200, Map.of("Content-Type", "application/json; charset=utf-8"), "", Duration.ZERO, false,
                false, false, new Stream(Long.MAX_VALUE, false, false, pace));
    }

    /** The same fault with one more header. */
    public Fault withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Fault(status, copy, body, delay, passThrough, dropConnection, echoCredentials, stream);
    }

    /** The same fault, answered after {@code value}. */
    public Fault after(Duration value) {
        return new Fault(status, headers, body, value, passThrough, dropConnection, echoCredentials, stream);
    }
}
