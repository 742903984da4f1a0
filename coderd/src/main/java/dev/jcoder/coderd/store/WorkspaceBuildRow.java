package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code workspace_builds} (without its Terraform state, which can be large: see
 * {@link Store#getWorkspaceBuildProvisionerStateByID}) with its workspace, owner, version and
 * initiator names joined in.
 */
public record WorkspaceBuildRow(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID workspaceId,
        UUID templateVersionId,
        int buildNumber,
        WorkspaceTransition transition,
        UUID initiatorId,
        UUID jobId,
        Optional<Instant> deadline,
        Optional<Instant> maxDeadline,
        BuildReason reason,
        int dailyCost,
        Optional<UUID> templateVersionPresetId,
        String workspaceName,
        UUID workspaceOwnerId,
        String workspaceOwnerUsername,
        String workspaceOwnerAvatarUrl,
        UUID organizationId,
        UUID templateId,
        String templateVersionName,
        String initiatorUsername) {}
