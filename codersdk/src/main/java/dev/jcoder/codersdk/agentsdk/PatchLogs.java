package dev.jcoder.codersdk.agentsdk;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** {@code PATCH /workspaceagents/me/logs}: lines of one log source, oldest first. */
public record PatchLogs(UUID logSourceId, List<Log> logs) {
    public PatchLogs {
        Objects.requireNonNull(logSourceId, "logSourceId");
        logs = logs == null ? List.of() : List.copyOf(logs);
    }
}
