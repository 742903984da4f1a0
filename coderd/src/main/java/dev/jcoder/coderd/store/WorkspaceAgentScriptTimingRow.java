package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_agent_script_timings} with its script's name and agent joined in. */
public record WorkspaceAgentScriptTimingRow(UUID scriptId, Instant startedAt, Instant endedAt, int exitCode,
        String stage, String status, String displayName, UUID workspaceAgentId, String workspaceAgentName) {}
