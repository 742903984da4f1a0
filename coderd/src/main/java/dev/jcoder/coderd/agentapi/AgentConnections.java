package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.tunnel.yamux.Session;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents' tunnels this replica holds, by agent id, and their connection timestamps: a tunnel
 * sets {@code first_connected_at} (once) and {@code last_connected_at}, closing it sets
 * {@code disconnected_at}, and while it is open a heartbeat moves {@code last_connected_at} every
 * {@link #HEARTBEAT} for all agents in one statement (an agent whose heartbeat is older than twice
 * that counts as disconnected, see {@code WorkspaceAgentRow#status}). A newer tunnel of the same
 * agent replaces an older one.
 */
public final class AgentConnections implements AutoCloseable {
    static final Duration HEARTBEAT = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(AgentConnections.class);

    private final AuthorizingStore store;
    private final InstantSource clock;
    private final java.util.function.Consumer<UUID> workspaceChanged;
    private final ConcurrentHashMap<UUID, Session> sessions = new ConcurrentHashMap<>();
    private final Thread heartbeat;

    /** @param workspaceChanged tells workspace watchers that an agent of the workspace connected or disconnected */
    public AgentConnections(AuthorizingStore store, InstantSource clock, java.util.function.Consumer<UUID> workspaceChanged) {
        this.workspaceChanged = workspaceChanged;
        // System actor: writes the connection times of every agent whose tunnel this replica holds.
        this.store = store.as(Subject.system("agent connection tracking"));
        this.clock = clock;
        this.heartbeat = Thread.ofVirtual().name("agent-heartbeat").start(this::heartbeatLoop);
    }

    /** Registers a new tunnel of {@code agentId}; closes the agent's previous tunnel, if any. */
    void connected(UUID agentId, Session session) {
        var now = clock.instant();
        Session previous = sessions.put(agentId, session);
        if (previous != null && previous != session) {
            previous.close();
        }
        boolean first = store.getWorkspaceAgentByID(agentId).map(a -> a.firstConnectedAt().isEmpty()).orElse(false);
        store.updateWorkspaceAgentConnectionByID(agentId, first ? Optional.of(now) : Optional.empty(), Optional.of(now),
                Optional.empty(), now);
        log.info("agent {} connected its tunnel", agentId);
        announce(agentId);
    }

    /** The tunnel ended; marks the agent disconnected unless a newer tunnel replaced it. */
    void disconnected(UUID agentId, Session session) {
        if (sessions.remove(agentId, session)) {
            var now = clock.instant();
            store.updateWorkspaceAgentConnectionByID(agentId, Optional.empty(), Optional.empty(), Optional.of(now), now);
            log.info("agent {} disconnected its tunnel", agentId);
            announce(agentId);
        }
    }

    private void announce(UUID agentId) {
        try {
            store.getWorkspaceAgentAndWorkspaceByID(agentId).ifPresent(agent -> workspaceChanged.accept(agent.workspaceId()));
        } catch (RuntimeException e) {
            log.debug("announcing agent {} failed: {}", agentId, e.getMessage());
        }
    }

    /** The open tunnel of an agent held by this replica. */
    public Optional<Session> session(UUID agentId) {
        return Optional.ofNullable(sessions.get(agentId)).filter(s -> !s.isClosed());
    }

    private void heartbeatLoop() {
        try {
            while (true) {
                Thread.sleep(HEARTBEAT);
                List<UUID> open = sessions.entrySet().stream().filter(e -> !e.getValue().isClosed())
                        .map(java.util.Map.Entry::getKey).toList();
                try {
                    store.updateWorkspaceAgentsLastConnectedAt(open, clock.instant());
                } catch (RuntimeException e) {
                    log.warn("agent heartbeat failed: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        heartbeat.interrupt();
        sessions.values().forEach(Session::close);
        sessions.clear();
    }
}
