package dev.jcoder.codersdk;

import java.time.Instant;

/** From the agent's creation to its first connection ({@code stage} connect). */
public record AgentConnectionTiming(Instant startedAt, Instant endedAt, TimingStage stage, String workspaceAgentId,
        String workspaceAgentName) {}
