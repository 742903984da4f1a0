package dev.jcoder.tunnel.yamux;

import java.io.IOException;

/**
 * The session ended (closed locally, go-away, transport lost or protocol error) while a stream
 * or an operation still needed it. The cause, if any, tells why.
 */
public final class SessionClosedException extends IOException {
    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}
