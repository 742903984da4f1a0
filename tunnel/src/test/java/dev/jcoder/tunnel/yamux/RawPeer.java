package dev.jcoder.tunnel.yamux;

import dev.jcoder.tunnel.transport.MessageTransport;
import dev.jcoder.tunnel.transport.TransportListener;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A transport whose far end is the test: it sees every frame the session sends and injects raw
 * frames, including broken ones. With {@code blackHole} sends succeed but nothing is answered.
 */
final class RawPeer implements MessageTransport {
    final BlockingQueue<FrameHeader> sent = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final FrameDecoder decoder = new FrameDecoder(16 * 1024 * 1024);
    final java.util.List<Integer> messageSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
    final java.util.List<byte[]> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Sends complete when this does; replace it to hold the writer. */
    volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private volatile TransportListener listener;

    @Override
    public void start(TransportListener listener) {
        this.listener = listener;
    }

    @Override
    public CompletableFuture<Void> send(ByteBuffer message) {
        messageSizes.add(message.remaining());
        try {
            decoder.feed(message, (header, payload) -> {
                sent.add(header);
                if (payload.length > 0) {
                    payloads.add(payload);
                }
            });
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        return gate;
    }

    @Override
    public void close(int code, String reason) {
        if (closedWith.complete(code)) {
            listener.onClosed(code, reason);
        }
    }

    void inject(FrameHeader header, byte[] payload) {
        ByteBuffer buffer = ByteBuffer.allocate(FrameHeader.SIZE + payload.length);
        header.encode(buffer);
        buffer.put(payload).flip();
        listener.onBytes(buffer);
    }

    void inject(byte[] raw) {
        listener.onBytes(ByteBuffer.wrap(raw));
    }

    /** The next frame the session sent that is not a keepalive ping. */
    FrameHeader next() throws InterruptedException {
        while (true) {
            FrameHeader header = sent.poll(10, TimeUnit.SECONDS);
            if (header == null) {
                throw new AssertionError("The session sent nothing within 10 s.");
            }
            if (header.type() != FrameType.PING) {
                return header;
            }
        }
    }
}
