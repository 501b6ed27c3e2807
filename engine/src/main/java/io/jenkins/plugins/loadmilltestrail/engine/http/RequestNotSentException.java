package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.io.IOException;

/**
 * A network failure before any byte of the request went out (connection refused, DNS, TLS
 * handshake, cancelled while connecting): the server cannot have acted on it, so even a POST may be
 * sent again. Any other {@link IOException} from {@link HttpTransport} means the request may have
 * arrived.
 */
public final class RequestNotSentException extends IOException {
    private static final long serialVersionUID = 1L;

    RequestNotSentException(IOException cause) {
        super(cause.getMessage(), cause);
    }

    /** What actually went wrong, e.g. a {@link java.net.ConnectException}. */
    public IOException failure() {
        return (IOException) getCause();
    }
}
