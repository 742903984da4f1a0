package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A Terraform resource of a build or an import plan, with the agents that run in it. */
public record WorkspaceResource(
        UUID id,
        Instant createdAt,
        UUID jobId,
        WorkspaceTransition workspaceTransition,
        String type,
        String name,
        boolean hide,
        String icon,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkspaceAgent> agents,
        List<WorkspaceResourceMetadata> metadata,
        int dailyCost) {
    public WorkspaceResource {
        agents = agents == null ? List.of() : List.copyOf(agents);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }
}
