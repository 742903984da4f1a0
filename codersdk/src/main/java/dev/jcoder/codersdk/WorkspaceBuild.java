package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One build of a workspace: a {@code start}, {@code stop} or {@code delete} transition run by a
 * provisioner job. {@code build_number} starts at 1 per workspace. {@code deadline} (when a
 * running workspace stops by itself) and {@code max_deadline} are null when there is none;
 * {@code status} is the workspace status this build gives (see {@link WorkspaceStatus#of}).
 */
public record WorkspaceBuild(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID workspaceId,
        String workspaceName,
        UUID workspaceOwnerId,
        String workspaceOwnerName,
        String workspaceOwnerAvatarUrl,
        UUID templateVersionId,
        String templateVersionName,
        int buildNumber,
        WorkspaceTransition transition,
        UUID initiatorId,
        String initiatorName,
        ProvisionerJob job,
        BuildReason reason,
        List<WorkspaceResource> resources,
        Instant deadline,
        Instant maxDeadline,
        WorkspaceStatus status,
        int dailyCost,
        UUID templateVersionPresetId) {
    public WorkspaceBuild {
        resources = resources == null ? List.of() : List.copyOf(resources);
    }
}
