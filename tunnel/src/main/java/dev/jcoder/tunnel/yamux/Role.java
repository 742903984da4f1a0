package dev.jcoder.tunnel.yamux;

/** Which end of a session this is; it decides the parity of the stream ids this end opens. */
public enum Role {
    /** Opens odd stream ids. By convention the side that dialled the connection (the agent). */
    CLIENT(1),
    /** Opens even stream ids. By convention the side that accepted the connection (coderd). */
    SERVER(2);

    private final int firstStreamId;

    Role(int firstStreamId) {
        this.firstStreamId = firstStreamId;
    }

    int firstStreamId() {
        return firstStreamId;
    }

    /** Whether {@code streamId} is one the peer of this role may open. */
    boolean isPeerStreamId(int streamId) {
        return streamId != 0 && (streamId & 1) != (firstStreamId & 1);
    }
}
