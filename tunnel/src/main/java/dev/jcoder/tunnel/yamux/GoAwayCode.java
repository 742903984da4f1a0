package dev.jcoder.tunnel.yamux;

/** The error code a GO_AWAY frame carries in its length field. */
public enum GoAwayCode {
    NORMAL(0),
    PROTOCOL_ERROR(1),
    INTERNAL_ERROR(2);

    private final int code;

    GoAwayCode(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    /** Maps a wire value; unknown values count as internal errors. */
    public static GoAwayCode fromCode(int code) {
        return switch (code) {
            case 0 -> NORMAL;
            case 1 -> PROTOCOL_ERROR;
            default -> INTERNAL_ERROR;
        };
    }
}
