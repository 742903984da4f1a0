package dev.jcoder.coderd.connect;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections through coderd are workspace activity (Coder bumps on SSH, terminal, port-forward
 * and app use). A port-forward can open hundreds of connections a second and an app page dozens
 * of requests, so a workspace is bumped at most once per {@link #INTERVAL}; the bump itself (with
 * its 5% rule) is the lifecycle's {@code ActivityBumper}.
 */
final class ConnectionActivity {
    static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ConnectionActivity.class);

    private final Consumer<UUID> bumper;
    private final InstantSource clock;
    private final ConcurrentHashMap<UUID, Instant> lastBump = new ConcurrentHashMap<>();

    ConnectionActivity(Consumer<UUID> bumper, InstantSource clock) {
        this.bumper = bumper;
        this.clock = clock;
    }

    /** Someone connected to the workspace now. */
    void connected(UUID workspaceId) {
        Instant now = clock.instant();
        Instant previous = lastBump.get(workspaceId);
        if (previous != null && now.isBefore(previous.plus(INTERVAL))) {
            return;
        }
        if (previous == null ? lastBump.putIfAbsent(workspaceId, now) != null : !lastBump.replace(workspaceId, previous, now)) {
            return; // another connection bumps it
        }
        try {
            bumper.accept(workspaceId);
        } catch (RuntimeException e) {
            log.warn("activity bump of workspace {} failed: {}", workspaceId, e.toString());
        }
    }
}
