package dev.jcoder.tunnel.transport;

import java.nio.ByteBuffer;

/**
 * Receives what a {@link MessageTransport} reads. Implemented by the yamux session. Its methods
 * never block for long: they decode and copy, and return.
 */
public interface TransportListener {

    /**
     * Bytes of the inbound stream. Message boundaries carry no meaning: a transport may hand over
     * a whole message, part of one, or several. The listener does not keep {@code bytes} after
     * it returns, so the transport may reuse it.
     */
    void onBytes(ByteBuffer bytes);

    /** The connection closed (the peer's close frame, or ours). Called at most once, after which nothing more arrives. */
    void onClosed(int code, String reason);

    /** The connection failed. Called at most once instead of {@link #onClosed}. */
    void onError(Throwable error);
}
