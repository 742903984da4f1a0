package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.WorkspaceAppOpenIn;
import dev.jcoder.codersdk.WorkspaceAppSharingLevel;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code workspace_apps}: a {@code coder_app} of an agent, with its health. */
public record WorkspaceAppRow(UUID id, Instant createdAt, UUID agentId, String slug, String displayName, String icon,
        String command, String url, boolean external, boolean subdomain, WorkspaceAppSharingLevel sharingLevel,
        String healthcheckUrl, int healthcheckInterval, int healthcheckThreshold, WorkspaceAppHealth health,
        boolean hidden, WorkspaceAppOpenIn openIn, int displayOrder) {}
