package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.WorkspaceAppHealth;
import java.util.Map;
import java.util.UUID;

/** {@code POST /workspaceagents/me/app-health}: the new health of apps whose health changed, by app id. */
public record PostAppHealthsRequest(Map<UUID, WorkspaceAppHealth> healths) {
    public PostAppHealthsRequest {
        healths = healths == null ? Map.of() : Map.copyOf(healths);
    }
}
