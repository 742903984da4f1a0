package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_agent_stats}: one stats report of an agent; {@code connectionsByProto} is JSON. */
public record WorkspaceAgentStatsRow(
        UUID id,
        Instant createdAt,
        UUID userId,
        UUID agentId,
        UUID workspaceId,
        UUID templateId,
        String connectionsByProto,
        long connectionCount,
        double connectionMedianLatencyMs,
        long rxPackets,
        long rxBytes,
        long txPackets,
        long txBytes,
        long sessionCountVscode,
        long sessionCountJetbrains,
        long sessionCountReconnectingPty,
        long sessionCountSsh) {}
