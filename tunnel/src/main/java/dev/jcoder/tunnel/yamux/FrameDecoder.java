package dev.jcoder.tunnel.yamux;

import java.nio.ByteBuffer;

/**
 * Turns inbound bytes, split anywhere (WebSocket messages arrive in partial chunks), into frames.
 * Never blocks and never retains the caller's buffer: a DATA payload is copied once into an array
 * of its exact size that is handed to the sink. Not thread-safe; transports deliver serially.
 */
final class FrameDecoder {
    /** Receives decoded frames; {@code payload} is empty except for DATA. */
    interface Sink {
        void onFrame(FrameHeader header, byte[] payload) throws ProtocolException;
    }

    private static final byte[] EMPTY = new byte[0];

    private final int maxPayload;
    private final ByteBuffer headerBytes = ByteBuffer.allocate(FrameHeader.SIZE);
    private FrameHeader pending;
    private byte[] payload;
    private int filled;

    /** @param maxPayload the largest DATA payload accepted, to refuse absurd allocations early */
    FrameDecoder(int maxPayload) {
        this.maxPayload = maxPayload;
    }

    void feed(ByteBuffer in, Sink sink) throws ProtocolException {
        while (in.hasRemaining()) {
            if (pending == null) {
                while (headerBytes.hasRemaining() && in.hasRemaining()) {
                    headerBytes.put(in.get());
                }
                if (headerBytes.hasRemaining()) {
                    return;
                }
                headerBytes.flip();
                FrameHeader header = FrameHeader.decode(headerBytes);
                headerBytes.clear();
                if (header.type() != FrameType.DATA || header.length() == 0) {
                    sink.onFrame(header, EMPTY);
                    continue;
                }
                if (header.unsignedLength() > maxPayload) {
                    throw new ProtocolException("DATA frame of " + header.unsignedLength()
                            + " bytes exceeds the largest window " + maxPayload + ".");
                }
                pending = header;
                payload = new byte[header.length()];
                filled = 0;
            }
            int n = Math.min(in.remaining(), payload.length - filled);
            in.get(payload, filled, n);
            filled += n;
            if (filled == payload.length) {
                FrameHeader header = pending;
                byte[] complete = payload;
                pending = null;
                payload = null;
                sink.onFrame(header, complete);
            }
        }
    }
}
