package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The parameters of {@code InsertWorkspaceBuild}. Without {@code provisionerState} the build starts with
 * the previous build's Terraform state (copied in SQL, so the caller never has to read it).
 */
public record NewWorkspaceBuild(UUID id, Instant createdAt, UUID workspaceId, UUID templateVersionId, int buildNumber,
        WorkspaceTransition transition, UUID initiatorId, Optional<byte[]> provisionerState, UUID jobId, BuildReason reason,
        Optional<UUID> templateVersionPresetId) {
    public NewWorkspaceBuild {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(templateVersionId, "templateVersionId");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(initiatorId, "initiatorId");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(templateVersionPresetId, "templateVersionPresetId");
        Objects.requireNonNull(provisionerState, "provisionerState");
    }
}
