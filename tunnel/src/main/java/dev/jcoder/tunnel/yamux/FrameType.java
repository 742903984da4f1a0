package dev.jcoder.tunnel.yamux;

/** Yamux message types (the spec's Type field). */
public enum FrameType {
    DATA(0),
    WINDOW_UPDATE(1),
    PING(2),
    GO_AWAY(3);

    private final int code;

    FrameType(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    static FrameType fromCode(int code) throws ProtocolException {
        return switch (code) {
            case 0 -> DATA;
            case 1 -> WINDOW_UPDATE;
            case 2 -> PING;
            case 3 -> GO_AWAY;
            default -> throw new ProtocolException("Unknown yamux frame type " + code + ".");
        };
    }
}
