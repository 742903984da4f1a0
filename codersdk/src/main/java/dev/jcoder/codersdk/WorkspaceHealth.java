package dev.jcoder.codersdk;

import java.util.List;
import java.util.UUID;

/** A workspace is healthy when every agent of its latest build is; {@code failing_agents} names the others. */
public record WorkspaceHealth(boolean healthy, List<UUID> failingAgents) {
    public WorkspaceHealth {
        failingAgents = failingAgents == null ? List.of() : List.copyOf(failingAgents);
    }
}
