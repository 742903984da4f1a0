package dev.jcoder.tunnel.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory, asynchronous pair of connected transports for tests. Each direction has one
 * delivery thread that hands messages to the peer's listener in order; a send completes only
 * after the peer's listener returned, so back-pressure behaves like a socket with a one-message
 * buffer. {@link #chunkSize} splits messages the way a WebSocket client delivers fragments.
 * {@link #disconnect()} simulates losing the network: both ends see an error.
 */
public final class PipeTransport implements MessageTransport {

    /** The two ends of one pipe. */
    public record Pair(PipeTransport client, PipeTransport server) {
    }

    private sealed interface Event {
    }

    private record Message(ByteBuffer bytes, CompletableFuture<Void> done) implements Event {
    }

    private record End(int code, String reason, Throwable error) implements Event {
    }

    private final String name;
    private final int chunkSize;
    private final LinkedBlockingDeque<Event> inbound = new LinkedBlockingDeque<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> deliveryStopped = new CompletableFuture<>();
    private PipeTransport peer;
    private volatile Thread delivery;

    private PipeTransport(String name, int chunkSize) {
        this.name = name;
        this.chunkSize = chunkSize;
    }

    /** A connected pair that delivers whole messages. */
    public static Pair pair() {
        return pair(Integer.MAX_VALUE);
    }

    /** A connected pair that delivers each message in pieces of at most {@code chunkSize} bytes. */
    public static Pair pair(int chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive");
        }
        PipeTransport client = new PipeTransport("client", chunkSize);
        PipeTransport server = new PipeTransport("server", chunkSize);
        client.peer = server;
        server.peer = client;
        return new Pair(client, server);
    }

    @Override
    public void start(TransportListener listener) {
        if (delivery != null) {
            throw new IllegalStateException("The transport was already started.");
        }
        delivery = Thread.ofVirtual().name("pipe-delivery-" + name).start(() -> deliver(listener));
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        if (ended.get() || peer.ended.get()) {
            return CompletableFuture.failedFuture(new IOException("The pipe is closed."));
        }
        ByteBuffer copy = ByteBuffer.allocate(message.remaining());
        copy.put(message).flip();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Message m = new Message(copy, done);
        peer.inbound.add(m);
        if ((ended.get() || peer.ended.get()) && peer.inbound.remove(m)) {
            done.completeExceptionally(new IOException("The pipe is closed."));
        }
        return done;
    }

    @Override
    public void close(int code, String reason) {
        endBoth(new End(code, reason, null));
    }

    /** Breaks the pipe as a lost network would: both ends get {@link TransportListener#onError}. */
    public void disconnect() {
        endBoth(new End(0, "", new IOException("The connection was lost.")));
    }

    /** Completes when this end's delivery thread has ended (after close or disconnect). */
    public CompletableFuture<Void> deliveryStopped() {
        return deliveryStopped;
    }

    private void endBoth(End end) {
        endOne(this, end);
        endOne(peer, end);
    }

    private static void endOne(PipeTransport side, End end) {
        if (side.ended.compareAndSet(false, true)) {
            if (end.error() != null) {
                side.inbound.addFirst(end); // a lost network loses what was in flight
            } else {
                side.inbound.add(end); // a close frame comes after the messages sent before it
            }
        }
    }

    private void deliver(TransportListener listener) {
        try {
            while (true) {
                Event event = inbound.take();
                switch (event) {
                    case Message m -> {
                        try {
                            ByteBuffer bytes = m.bytes();
                            while (bytes.hasRemaining()) {
                                int n = Math.min(chunkSize, bytes.remaining());
                                ByteBuffer slice = bytes.slice(bytes.position(), n);
                                bytes.position(bytes.position() + n);
                                listener.onBytes(slice);
                            }
                            m.done().complete(null);
                        } catch (RuntimeException e) {
                            m.done().completeExceptionally(e);
                        }
                    }
                    case End e -> {
                        failPending();
                        if (e.error() != null) {
                            listener.onError(e.error());
                        } else {
                            listener.onClosed(e.code(), e.reason());
                        }
                        return;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deliveryStopped.complete(null);
        }
    }

    private void failPending() {
        // A real socket loses what was in flight; senders waiting for these must not hang.
        for (Event event; (event = inbound.poll()) != null; ) {
            if (event instanceof Message m) {
                m.done().completeExceptionally(new IOException("The pipe is closed."));
            }
        }
    }
}
