package io.jenkins.plugins.loadmilltestrail.engine.http;

import java.io.IOException;

/**
 * An answer larger than {@link HttpLimits#maxResponseBytes()}: announced so by its Content-Length,
 * or found so while reading it (gzip-decoded). Reading stopped there; the request was sent, so the
 * server may have acted on it. Retrying would fetch the same answer: clients report it instead.
 */
public final class ResponseTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long limit;

    ResponseTooLargeException(long limit, long announced) {
        super(announced >= 0
                ? "it announces " + announced + " bytes, more than the " + bytes(limit) + " read of one answer"
                : "it is larger than the " + bytes(limit) + " read of one answer");
        this.limit = limit;
    }

    /** "32 MiB", "64 KiB", or "1500 bytes". */
    static String bytes(long count) {
        if (count % (1024 * 1024) == 0) {
            return count / (1024 * 1024) + " MiB";
        }
        return count % 1024 == 0 ? count / 1024 + " KiB" : count + " bytes";
    }

    /** The limit that was exceeded, in bytes. */
    public long limit() {
        return limit;
    }
}
