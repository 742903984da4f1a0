package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_agent_logs}. */
public record WorkspaceAgentLogRow(long id, UUID agentId, Instant createdAt, String output, String level, UUID logSourceId) {}
