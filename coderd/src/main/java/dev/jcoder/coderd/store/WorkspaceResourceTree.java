package dev.jcoder.coderd.store;

import java.util.List;
import java.util.UUID;

/**
 * A build's resource with everything under it, read in a few batched queries: its metadata and
 * agents, and per agent its apps, scripts and log sources. {@code workspaceOwnerId} and
 * {@code organizationId} are the workspace's, for authorization.
 */
public record WorkspaceResourceTree(WorkspaceResourceRow resource, List<WorkspaceResourceMetadataRow> metadata,
        List<Agent> agents, UUID workspaceOwnerId, UUID organizationId) {
    public WorkspaceResourceTree {
        metadata = List.copyOf(metadata);
        agents = List.copyOf(agents);
    }

    /** An agent with its apps, scripts and log sources. */
    public record Agent(WorkspaceAgentRow agent, List<WorkspaceAppRow> apps, List<WorkspaceAgentScriptRow> scripts,
            List<WorkspaceAgentLogSourceRow> logSources) {
        public Agent {
            apps = List.copyOf(apps);
            scripts = List.copyOf(scripts);
            logSources = List.copyOf(logSources);
        }
    }
}
