package dev.jcoder.codersdk;

import java.util.UUID;

/**
 * {@code POST /workspaces/{id}/usage}: the workspace is in use (clients send it about once a
 * minute while connected). Both fields, or neither: an empty body only records the use.
 */
public record PostWorkspaceUsageRequest(UUID agentId, UsageAppName appName) {}
