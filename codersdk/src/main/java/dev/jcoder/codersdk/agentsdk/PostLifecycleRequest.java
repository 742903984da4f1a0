package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import java.time.Instant;
import java.util.Objects;

/** {@code POST /workspaceagents/me/report-lifecycle}: the agent entered {@code state} at {@code changedAt}. */
public record PostLifecycleRequest(WorkspaceAgentLifecycle state, Instant changedAt) {
    public PostLifecycleRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
