package dev.jcoder.codersdk;

/**
 * {@code GET /workspaces/{id}/resolve-autostart}: true when an automatic update to the active
 * version would need parameter values the workspace does not have, so autostart cannot proceed.
 */
public record ResolveAutostartResponse(boolean parameterMismatch) {}
