package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_agent_scripts}. */
public record WorkspaceAgentScriptRow(UUID id, UUID workspaceAgentId, UUID logSourceId, Instant createdAt,
        String displayName, String logPath, String script, String cron, boolean startBlocksLogin, boolean runOnStart,
        boolean runOnStop, int timeoutSeconds, int displayOrder) {}
