package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_agent_log_sources}. */
public record WorkspaceAgentLogSourceRow(UUID id, UUID workspaceAgentId, Instant createdAt, String displayName,
        String icon) {}
