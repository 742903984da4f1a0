package dev.jcoder.codersdk;

/** {@code PUT /workspaces/{id}/dormant}: make the workspace dormant (inaccessible until activated) or activate it. */
public record UpdateWorkspaceDormancy(boolean dormant) {}
