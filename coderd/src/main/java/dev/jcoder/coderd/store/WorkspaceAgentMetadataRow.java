package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code workspace_agent_metadata}: a metadata definition of an agent and the latest
 * result the agent reported ({@code collectedAt} empty until the first).
 */
public record WorkspaceAgentMetadataRow(UUID workspaceAgentId, String key, String displayName, String script,
        long intervalSeconds, long timeoutSeconds, int displayOrder, String value, String error,
        Optional<Instant> collectedAt) {}
