package dev.jcoder.tunnel.yamux;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a session's counters, for agent stats (Coder's rx/tx bytes) and metrics.
 *
 * @param dataBytesSent     stream payload bytes handed to the transport (frame headers excluded)
 * @param dataBytesReceived stream payload bytes received
 * @param messagesSent      transport messages sent (each carries one or more frames)
 * @param openStreams       streams not yet fully closed
 * @param rtt               the last keepalive/ping round trip, if one was measured
 */
public record SessionStats(long dataBytesSent, long dataBytesReceived, long messagesSent, int openStreams,
        Optional<Duration> rtt) {
    public SessionStats {
        Objects.requireNonNull(rtt, "rtt");
    }
}
