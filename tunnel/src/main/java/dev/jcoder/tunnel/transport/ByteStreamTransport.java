package dev.jcoder.tunnel.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link MessageTransport} over a plain byte stream: a TCP socket (for example after an HTTP/1.1
 * {@code Upgrade} to a raw protocol, which avoids WebSocket masking on the agent's long-lived
 * tunnel) or any input/output pair. Yamux needs no message boundaries, so a "message" is simply
 * written out. {@link #send} writes on the caller's thread (the session's single writer) and
 * returns a completed future, so the socket's own blocking is the back-pressure. One reader
 * thread, owned by this transport, pushes inbound bytes and ends with the stream.
 */
public final class ByteStreamTransport implements MessageTransport {
    private static final int READ_BUFFER = 64 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private final Closeable closer;
    private final ThreadFactory threads;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CompletableFuture<Void> readerStopped = new CompletableFuture<>();
    private volatile TransportListener listener;

    private ByteStreamTransport(InputStream in, OutputStream out, Closeable closer, ThreadFactory threads) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.closer = Objects.requireNonNull(closer, "closer");
        this.threads = Objects.requireNonNull(threads, "threads");
    }

    /** A connected socket; the reader runs on a virtual thread. */
    public static ByteStreamTransport of(Socket socket) throws IOException {
        socket.setTcpNoDelay(true); // the session's writer already batches; Nagle would only add latency
        return new ByteStreamTransport(socket.getInputStream(), socket.getOutputStream(), socket,
                Thread.ofVirtual().name("tunnel-reader").factory());
    }

    /**
     * Any byte streams. Pass a platform-thread factory when {@code in} blocks in native code
     * (stdin), so the reader does not hold a carrier thread of the virtual-thread scheduler.
     */
    public static ByteStreamTransport of(InputStream in, OutputStream out, Closeable closer, ThreadFactory threads) {
        return new ByteStreamTransport(in, out, closer, threads);
    }

    @Override
    public void start(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("The transport was already started.");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        threads.newThread(this::readLoop).start();
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        if (ended.get()) {
            return CompletableFuture.failedFuture(new IOException("The connection is closed."));
        }
        try {
            if (message.hasArray()) {
                out.write(message.array(), message.arrayOffset() + message.position(), message.remaining());
                message.position(message.limit());
            } else {
                byte[] copy = new byte[message.remaining()];
                message.get(copy);
                out.write(copy);
            }
            out.flush();
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close(int code, String reason) {
        if (closing.compareAndSet(false, true)) {
            try {
                closer.close(); // also ends a read blocked in the reader thread
            } catch (IOException e) {
                // closing anyway; nothing to report to anyone
            }
            end(l -> l.onClosed(code, reason));
        }
    }

    /** Completes when the reader thread ended. */
    public CompletableFuture<Void> readerStopped() {
        return readerStopped;
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    listener.onBytes(ByteBuffer.wrap(buffer, 0, n));
                }
            }
            end(l -> l.onClosed(CloseCodes.NORMAL, "end of stream"));
        } catch (IOException e) {
            if (closing.get()) {
                end(l -> l.onClosed(CloseCodes.NORMAL, "closed"));
            } else {
                end(l -> l.onError(e));
            }
        } finally {
            readerStopped.complete(null);
        }
    }

    private void end(java.util.function.Consumer<TransportListener> delivery) {
        if (ended.compareAndSet(false, true)) {
            delivery.accept(listener);
            if (closing.compareAndSet(false, true)) {
                try {
                    closer.close();
                } catch (IOException e) {
                    // already ending
                }
            }
        }
    }
}
