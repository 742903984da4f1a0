package dev.jcoder.tunnel.yamux;

import java.io.IOException;

/** The stream was reset (RST) by the peer or locally, or refused when it was opened. */
public final class StreamResetException extends IOException {
    public StreamResetException(String message) {
        super(message);
    }
}
