package dev.jcoder.tunnel.transport;

/** WebSocket close codes the tunnel uses (RFC 6455 §7.4.1). */
public final class CloseCodes {
    /** The session ended normally. */
    public static final int NORMAL = 1000;
    /** The process is shutting down. */
    public static final int GOING_AWAY = 1001;
    /** The peer broke the yamux protocol. */
    public static final int PROTOCOL_ERROR = 1002;
    /** The keepalive timed out or another internal failure. */
    public static final int INTERNAL_ERROR = 1011;

    private CloseCodes() {
    }
}
