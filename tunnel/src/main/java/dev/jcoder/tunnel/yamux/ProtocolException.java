package dev.jcoder.tunnel.yamux;

import java.io.IOException;

/** The peer broke the yamux protocol; the session answers with GO_AWAY(protocol error) and ends. */
public final class ProtocolException extends IOException {
    public ProtocolException(String message) {
        super(message);
    }
}
