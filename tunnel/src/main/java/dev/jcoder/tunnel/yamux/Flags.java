package dev.jcoder.tunnel.yamux;

/** Yamux flag bits (the spec's Flags field). */
public final class Flags {
    /** Opens a stream; on a ping, marks a request. */
    public static final int SYN = 0x1;
    /** Accepts a stream; on a ping, marks a response. */
    public static final int ACK = 0x2;
    /** Half-close: the sender sends no more data on the stream. */
    public static final int FIN = 0x4;
    /** Resets the stream immediately. */
    public static final int RST = 0x8;

    private Flags() {
    }

    static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }
}
