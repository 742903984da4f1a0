package dev.jcoder.tunnel.service;

/** The acceptor's verdict on a stream header, with its wire code. */
public enum ServiceStatus {
    /** The service is connected; payload follows. */
    OK(0),
    /** The acceptor does not know the service, its arguments or the header version. */
    UNSUPPORTED(1),
    /** The target refused the connection (for example nothing listens on the TCP port). */
    REFUSED(2),
    /** The acceptor does not allow this request (for example a host outside the workspace). */
    FORBIDDEN(3),
    /** Anything else went wrong; the message says what. */
    FAILED(4);

    private final int code;

    ServiceStatus(int code) {
        this.code = code;
    }

    /** The wire value. */
    public int code() {
        return code;
    }

    static ServiceStatus fromCode(int code) {
        return switch (code) {
            case 0 -> OK;
            case 1 -> UNSUPPORTED;
            case 2 -> REFUSED;
            case 3 -> FORBIDDEN;
            default -> FAILED;
        };
    }
}
