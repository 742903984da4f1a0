package dev.jcoder.agent.ssh;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters of the SSH server, read by the agent's stats reporter. Thread-safe; reading is
 * cheap and never blocks the sessions being counted.
 */
public final class SshStats {
    private final AtomicLong connections = new AtomicLong();
    private final Map<SessionType, AtomicLong> activeSessions = new EnumMap<>(SessionType.class);
    private final LongAdder bytesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder sessionsStarted = new LongAdder();

    SshStats() {
        for (SessionType type : SessionType.values()) {
            activeSessions.put(type, new AtomicLong());
        }
    }

    /** A consistent-enough copy of every counter at this moment. */
    public Snapshot snapshot() {
        Map<SessionType, Long> sessions = new EnumMap<>(SessionType.class);
        activeSessions.forEach((type, count) -> sessions.put(type, count.get()));
        return new Snapshot(connections.get(), sessions, sessionsStarted.sum(), bytesReceived.sum(), bytesSent.sum());
    }

    /** Open SSH transport connections right now. */
    public long activeConnections() {
        return connections.get();
    }

    /** Open session channels of one type right now. */
    public long activeSessions(SessionType type) {
        return activeSessions.get(type).get();
    }

    void connectionOpened() {
        connections.incrementAndGet();
    }

    void connectionClosed() {
        connections.decrementAndGet();
    }

    void sessionStarted(SessionType type) {
        sessionsStarted.increment();
        activeSessions.get(type).incrementAndGet();
    }

    void sessionEnded(SessionType type) {
        activeSessions.get(type).decrementAndGet();
    }

    void received(long bytes) {
        bytesReceived.add(bytes);
    }

    void sent(long bytes) {
        bytesSent.add(bytes);
    }

    /**
     * Counters at one moment. Bytes are counted on the wire (encrypted SSH packets, both
     * directions, all channels including port forwards) since the server started.
     *
     * @param activeConnections open SSH connections
     * @param activeSessions    open session channels by type
     * @param sessionsStarted   session channels started since the server started
     * @param bytesReceived     bytes read from clients
     * @param bytesSent         bytes written to clients
     */
    public record Snapshot(
            long activeConnections,
            Map<SessionType, Long> activeSessions,
            long sessionsStarted,
            long bytesReceived,
            long bytesSent) {
        public Snapshot {
            activeSessions = Map.copyOf(activeSessions);
        }

        /** Open session channels of one type. */
        public long sessions(SessionType type) {
            return activeSessions.getOrDefault(type, 0L);
        }
    }
}
