package dev.jcoder.codersdk;

/** {@code PATCH /workspaces/{id}}: a new name (allowed only when the server runs with {@code --allow-workspace-renames}). */
public record UpdateWorkspaceRequest(String name) {}
