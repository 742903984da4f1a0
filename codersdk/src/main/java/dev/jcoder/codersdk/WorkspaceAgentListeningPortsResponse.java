package dev.jcoder.codersdk;

import java.util.List;

/** {@code GET /workspaceagents/{id}/listening-ports}: the ports worth forwarding, lowest first. */
public record WorkspaceAgentListeningPortsResponse(List<WorkspaceAgentListeningPort> ports) {
    public WorkspaceAgentListeningPortsResponse {
        ports = ports == null ? List.of() : List.copyOf(ports);
    }
}
