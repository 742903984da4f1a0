package dev.jcoder.tunnel.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Wraps a transport and delays everything it receives by a fixed time, to simulate a WAN link
 * (tc/netem is not available here). Its delivery thread ends after the wrapped transport ended.
 */
public final class DelayedTransport implements MessageTransport {
    private record Delivery(long dueNanos, ByteBuffer bytes, Runnable end) {
    }

    private final MessageTransport inner;
    private final long delayNanos;
    private final LinkedBlockingQueue<Delivery> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public DelayedTransport(MessageTransport inner, Duration oneWayDelay) {
        this.inner = inner;
        this.delayNanos = oneWayDelay.toNanos();
    }

    @Override
    public void start(TransportListener listener) {
        Thread.ofVirtual().name("delay-line").start(() -> deliver(listener));
        inner.start(new TransportListener() {
            @Override
            public void onBytes(ByteBuffer bytes) {
                ByteBuffer copy = ByteBuffer.allocate(bytes.remaining());
                copy.put(bytes).flip();
                queue.add(new Delivery(System.nanoTime() + delayNanos, copy, null));
            }

            @Override
            public void onClosed(int code, String reason) {
                queue.add(new Delivery(System.nanoTime() + delayNanos, null, () -> listener.onClosed(code, reason)));
            }

            @Override
            public void onError(Throwable error) {
                queue.add(new Delivery(System.nanoTime() + delayNanos, null, () -> listener.onError(error)));
            }
        });
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        return inner.send(message);
    }

    @Override
    public void close(int code, String reason) {
        inner.close(code, reason);
    }

    /** Completes when the delivery thread ended. */
    public CompletableFuture<Void> stopped() {
        return stopped;
    }

    private void deliver(TransportListener listener) {
        try {
            while (true) {
                Delivery next = queue.take();
                long wait;
                while ((wait = next.dueNanos() - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (next.end() != null) {
                    next.end().run();
                    return;
                }
                listener.onBytes(next.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.complete(null);
        }
    }
}
