package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/** Where an agent's log lines come from: one per script (and one for the agent itself). */
public record WorkspaceAgentLogSource(UUID workspaceAgentId, UUID id, Instant createdAt, String displayName,
        String icon) {}
