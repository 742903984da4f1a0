package dev.jcoder.codersdk;

/**
 * {@code PUT /workspaces/{id}/ttl}: how long a started workspace runs before it stops by itself, in
 * milliseconds (truncated to whole minutes, at least one minute); null or 0 turns autostop off.
 */
public record UpdateWorkspaceTTLRequest(Long ttlMs) {}
