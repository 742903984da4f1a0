package dev.jcoder.codersdk;

import java.time.Instant;

/** {@code PUT /workspaces/{id}/extend}: the running workspace's new autostop deadline. */
public record PutExtendWorkspaceRequest(Instant deadline) {}
