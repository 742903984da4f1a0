package dev.jcoder.codersdk.agentsdk;

import java.util.Objects;
import java.util.UUID;

/**
 * {@code POST /workspaceagents/me/log-source}: a log source the agent names itself (the id is the
 * agent's choice, so creating the same source again is harmless).
 */
public record PostLogSourceRequest(UUID id, String displayName, String icon) {
    /** Coder's built-in source for logs sent by tools inside the workspace ({@code coder agent} "External"). */
    public static final UUID EXTERNAL_LOG_SOURCE_ID = UUID.fromString("3b579bf4-1ed8-4b99-87a8-e9a1e3410410");

    public PostLogSourceRequest {
        Objects.requireNonNull(id, "id");
        displayName = displayName == null ? "" : displayName;
        icon = icon == null ? "" : icon;
    }
}
