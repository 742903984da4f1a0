package dev.jcoder.tunnel.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A {@link MessageTransport} over the JDK's {@code java.net.http.WebSocket} client, used by the
 * agent and the CLI (it starts much faster than Jetty's client). Inbound flow is driven by
 * {@code request(1)} after each fragment: the session copies and returns at once, so the JDK's
 * buffer can be reused immediately.
 */
public final class JdkWebSocketTransport implements MessageTransport {
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile WebSocket webSocket;
    private volatile TransportListener listener;
    private java.util.function.Consumer<TransportListener> earlyEnd;

    private JdkWebSocketTransport() {
    }

    /**
     * Opens a WebSocket to {@code uri} with extra request headers (for example
     * {@code Coder-Session-Token}). The future fails if the handshake fails (for example with
     * {@code WebSocketHandshakeException} on a 401) or takes longer than {@code timeout}.
     */
    public static CompletableFuture<JdkWebSocketTransport> connect(
            HttpClient client, URI uri, Map<String, String> headers, Duration timeout) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(uri, "uri");
        JdkWebSocketTransport transport = new JdkWebSocketTransport();
        WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        // connectTimeout bounds the whole opening handshake (HttpTimeoutException).
        return builder.buildAsync(uri, transport.new Listener())
                .thenApply(ws -> {
                    transport.webSocket = ws;
                    return transport;
                });
    }

    @Override
    public void start(TransportListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("The transport was already started.");
        }
        Objects.requireNonNull(listener, "listener");
        java.util.function.Consumer<TransportListener> pending;
        synchronized (this) {
            this.listener = listener;
            pending = earlyEnd;
        }
        if (pending != null) {
            pending.accept(listener);
            return;
        }
        webSocket.request(1);
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        if (ended.get() || webSocket.isOutputClosed()) {
            return CompletableFuture.failedFuture(new java.io.IOException("The WebSocket is closed."));
        }
        return webSocket.sendBinary(message, true).thenApply(ws -> null);
    }

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        WebSocket ws = webSocket;
        ws.sendClose(code, reason).whenComplete((ignored, error) -> {
            if (error != null) {
                ws.abort();
            }
        });
        // Do not wait forever for the peer's close frame.
        CompletableFuture.delayedExecutor(CLOSE_GRACE.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            if (!ws.isInputClosed()) {
                ws.abort();
            }
        });
        end(l -> l.onClosed(code, reason));
    }

    /**
     * Drops the connection at once, without a close handshake (as a crashed process or a lost
     * network would). The listener gets {@link TransportListener#onError}.
     */
    public void abort() {
        closing.set(true);
        webSocket.abort();
        end(l -> l.onError(new java.io.IOException("The WebSocket was aborted.")));
    }

    private void end(java.util.function.Consumer<TransportListener> delivery) {
        if (ended.compareAndSet(false, true)) {
            TransportListener current;
            synchronized (this) {
                current = listener;
                if (current == null) {
                    earlyEnd = delivery;
                    return;
                }
            }
            delivery.accept(current);
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public void onOpen(WebSocket ws) {
            // No request(1) here: nothing is read until the session starts the transport.
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            if (!ended.get()) {
                listener.onBytes(data);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            end(l -> l.onClosed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            end(l -> l.onError(error));
        }
    }
}
