package dev.jcoder.coderd.store;

import java.util.UUID;

/**
 * An agent with the workspace it belongs to, as the agent API needs it to authenticate and scope a
 * caller: {@code latestBuild} is false when a newer build of the workspace exists (the agent's
 * infrastructure is gone or replaced), {@code workspaceDeleted} when the workspace was deleted.
 */
public record WorkspaceAgentTokenRow(
        UUID agentId,
        String agentName,
        UUID workspaceId,
        String workspaceName,
        UUID ownerId,
        String ownerUsername,
        UUID organizationId,
        UUID templateId,
        boolean workspaceDeleted,
        boolean latestBuild,
        String buildTransition) {}
