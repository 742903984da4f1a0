package dev.jcoder.tunnel.yamux;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One 12-byte yamux frame header. {@code length} is the spec's unsigned 32-bit field held in an
 * int: the payload size for DATA, a window delta for WINDOW_UPDATE, the opaque value for PING and
 * the error code for GO_AWAY.
 */
public record FrameHeader(FrameType type, int flags, int streamId, int length) {
    /** Header size on the wire. */
    public static final int SIZE = 12;
    /** The only version this implementation speaks. */
    public static final int VERSION = 0;

    public FrameHeader {
        Objects.requireNonNull(type, "type");
        if ((flags & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("flags must fit 16 bits: " + flags);
        }
    }

    /** The length field as the unsigned value the spec means. */
    public long unsignedLength() {
        return Integer.toUnsignedLong(length);
    }

    /** Whether the given flag bit is set. */
    public boolean has(int flag) {
        return Flags.has(flags, flag);
    }

    /** Writes the header at the buffer's position (big endian, as the spec says). */
    public void encode(ByteBuffer out) {
        out.put((byte) VERSION);
        out.put((byte) type.code());
        out.putShort((short) flags);
        out.putInt(streamId);
        out.putInt(length);
    }

    /** Reads a header from exactly {@link #SIZE} bytes at the buffer's position. */
    public static FrameHeader decode(ByteBuffer in) throws ProtocolException {
        int version = in.get() & 0xFF;
        if (version != VERSION) {
            throw new ProtocolException("Unsupported yamux version " + version + ".");
        }
        FrameType type = FrameType.fromCode(in.get() & 0xFF);
        int flags = in.getShort() & 0xFFFF;
        int streamId = in.getInt();
        int length = in.getInt();
        return new FrameHeader(type, flags, streamId, length);
    }
}
