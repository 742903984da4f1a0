package dev.jcoder.tunnel.transport;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link MessageTransport} built from two callbacks, for WebSocket servers whose handlers push
 * events (Javalin/Jetty in coderd). The framework's handlers call {@link #receive},
 * {@link #closed} and {@link #failed}; the session calls the {@link Sender} and {@link Closer}.
 * Bytes that arrive before the session starts are kept (copied) and replayed in order.
 *
 * <p>With Javalin 7 (Jetty 12) the wiring is:
 * <pre>{@code
 * ws.onConnect(ctx -> {
 *     var transport = new CallbackTransport(
 *             message -> {
 *                 var done = new org.eclipse.jetty.websocket.api.Callback.Completable();
 *                 ctx.session.sendBinary(message, done);   // never ctx.send(): it has no back-pressure
 *                 return done;
 *             },
 *             (code, reason) -> ctx.closeSession(code, reason));
 *     ctx.attribute("transport", transport);
 *     ctx.attribute("session", Session.server(transport, SessionConfig.defaults()));
 * });
 * ws.onBinaryMessage(ctx -> ctx.<CallbackTransport>attribute("transport").receive(ctx.data()));
 * ws.onClose(ctx -> ...closed(ctx.status(), ctx.reason()));
 * ws.onError(ctx -> ...failed(ctx.error()));
 * }</pre>
 * Raise Jetty's idle timeout above the keepalive interval, and keep its maximum binary message
 * size at least {@link dev.jcoder.tunnel.yamux.SessionConfig#maxMessageSize()} (64 KiB, Jetty's
 * default). The tunnel tests' {@code JavalinTunnelServer} is a working example.
 */
public final class CallbackTransport implements MessageTransport {

    /** Sends one binary message; the future completes when the framework wrote it. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<Void> send(ByteBuffer message);
    }

    /** Closes the underlying connection with a close code and reason. */
    @FunctionalInterface
    public interface Closer {
        void close(int code, String reason);
    }

    private final Sender sender;
    private final Closer closer;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ByteBuffer> early = new ArrayList<>();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile TransportListener listener;
    private Runnable earlyEnd;

    public CallbackTransport(Sender sender, Closer closer) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.closer = Objects.requireNonNull(closer, "closer");
    }

    @Override
    public void start(TransportListener listener) {
        Objects.requireNonNull(listener, "listener");
        lock.lock();
        try {
            if (this.listener != null) {
                throw new IllegalStateException("The transport was already started.");
            }
            for (ByteBuffer bytes : early) {
                listener.onBytes(bytes);
            }
            early.clear();
            this.listener = listener;
            if (earlyEnd != null) {
                earlyEnd.run();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        if (ended.get()) {
            return CompletableFuture.failedFuture(new java.io.IOException("The WebSocket is closed."));
        }
        try {
            return sender.send(message);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closeRequested.compareAndSet(false, true)) {
            try {
                closer.close(code, reason);
            } finally {
                // The framework may never report the close we asked for (the socket may already be gone).
                closed(code, reason);
            }
        }
    }

    /** Called by the framework for each inbound binary message or fragment. Copies only before start. */
    public void receive(ByteBuffer bytes) {
        TransportListener current = listener;
        if (current == null) {
            lock.lock();
            try {
                current = listener;
                if (current == null) {
                    ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
                    copy.put(bytes).flip();
                    early.add(copy);
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
        if (!ended.get()) {
            current.onBytes(bytes);
        }
    }

    /** Called by the framework when the connection closed. Only the first end is delivered. */
    public void closed(int code, String reason) {
        end(l -> l.onClosed(code, reason == null ? "" : reason));
    }

    /** Called by the framework when the connection failed. Only the first end is delivered. */
    public void failed(Throwable error) {
        end(l -> l.onError(error));
    }

    private void end(java.util.function.Consumer<TransportListener> delivery) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        lock.lock();
        try {
            TransportListener current = listener;
            if (current == null) {
                earlyEnd = () -> delivery.accept(this.listener);
                return;
            }
        } finally {
            lock.unlock();
        }
        delivery.accept(listener);
    }
}
