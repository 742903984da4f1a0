package dev.jcoder.tunnel.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A connection that carries binary messages, such as a WebSocket. The yamux session is its only
 * user and follows these rules, which implementations may rely on:
 * <ul>
 *   <li>{@link #start} is called exactly once, before the first {@link #send}.</li>
 *   <li>{@link #send} is called by one thread with at most one send outstanding; the session
 *       waits for the returned future before it sends again or reuses the buffer.</li>
 *   <li>{@link #close} may be called several times and from any thread.</li>
 * </ul>
 */
public interface MessageTransport {

    /**
     * Begins delivering inbound bytes and the end of the connection to {@code listener}.
     * Deliveries must be serial (never two calls at once).
     */
    void start(TransportListener listener);

    /**
     * Sends {@code message} as one binary message. The future completes when the transport has
     * taken the bytes (for a WebSocket: written to the socket), and completes exceptionally if
     * the connection failed. Implementations must not complete it before they are done with the
     * buffer, and should not complete it before the bytes left the process: that is the
     * back-pressure that keeps a fast producer from buffering without bound.
     */
    CompletableFuture<Void> send(ByteBuffer message);

    /**
     * Closes the connection with a WebSocket close code (1000 normal, 1001 going away, 1011
     * internal error) and a short reason. Idempotent; after it, the listener gets
     * {@link TransportListener#onClosed} once (if it did not already get an end).
     */
    void close(int code, String reason);
}
