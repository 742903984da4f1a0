package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code workspace_agents}. {@code environmentVariables} is JSON text; the connection
 * timestamps are empty until the agent connects. {@link #status} derives the connection status
 * as Coder does; {@code GetWorkspaces}' {@code has-agent} filter does the same in SQL.
 */
public record WorkspaceAgentRow(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        String name,
        UUID resourceId,
        String authToken,
        String authType,
        String authInstanceId,
        String architecture,
        String operatingSystem,
        String environmentVariables,
        String directory,
        String expandedDirectory,
        String version,
        String apiVersion,
        int connectionTimeoutSeconds,
        String troubleshootingUrl,
        String motdFile,
        Optional<Instant> firstConnectedAt,
        Optional<Instant> lastConnectedAt,
        Optional<Instant> disconnectedAt,
        Optional<UUID> lastConnectedReplicaId,
        WorkspaceAgentLifecycle lifecycleState,
        Optional<Instant> startedAt,
        Optional<Instant> readyAt,
        List<String> subsystems,
        List<String> displayApps,
        int logsLength,
        boolean logsOverflowed,
        int displayOrder) {
    /**
     * An agent whose last heartbeat is older than this counts as disconnected (Coder: twice the
     * agent connection update frequency of 3 seconds).
     */
    public static final Duration INACTIVE_DISCONNECT_TIMEOUT = Duration.ofSeconds(6);

    public WorkspaceAgentRow {
        subsystems = List.copyOf(subsystems);
        displayApps = List.copyOf(displayApps);
    }

    /**
     * Never connected: connecting until the connection timeout passes, then timeout. Connected
     * before: disconnected when the last disconnect is newer than the last connection or the last
     * heartbeat is older than {@link #INACTIVE_DISCONNECT_TIMEOUT}; otherwise connected.
     */
    public WorkspaceAgentStatus status(Instant now) {
        if (firstConnectedAt.isEmpty()) {
            boolean timedOut = connectionTimeoutSeconds > 0
                    && now.isAfter(createdAt.plusSeconds(connectionTimeoutSeconds));
            return timedOut ? WorkspaceAgentStatus.TIMEOUT : WorkspaceAgentStatus.CONNECTING;
        }
        Instant lastConnected = lastConnectedAt.orElse(firstConnectedAt.get());
        if (disconnectedAt.isPresent() && disconnectedAt.get().isAfter(lastConnected)) {
            return WorkspaceAgentStatus.DISCONNECTED;
        }
        if (lastConnected.isBefore(now.minus(INACTIVE_DISCONNECT_TIMEOUT))) {
            return WorkspaceAgentStatus.DISCONNECTED;
        }
        return WorkspaceAgentStatus.CONNECTED;
    }
}
