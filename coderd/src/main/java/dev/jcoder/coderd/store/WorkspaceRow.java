package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.AutomaticUpdates;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code workspaces} with the names of its owner, organization and template joined in
 * (Coder's {@code workspaces_expanded}), so that one query feeds the API's {@code Workspace}.
 */
public record WorkspaceRow(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID ownerId,
        UUID organizationId,
        UUID templateId,
        boolean deleted,
        String name,
        Optional<String> autostartSchedule,
        Optional<Long> ttlMs,
        Instant lastUsedAt,
        Optional<Instant> dormantAt,
        Optional<Instant> deletingAt,
        AutomaticUpdates automaticUpdates,
        boolean favorite,
        String ownerUsername,
        String ownerAvatarUrl,
        String organizationName,
        String templateName,
        String templateDisplayName,
        String templateIcon,
        boolean templateAllowUserCancelWorkspaceJobs,
        UUID templateActiveVersionId,
        boolean templateRequireActiveVersion,
        boolean templateUseClassicParameterFlow,
        boolean templateAllowUserAutostart,
        boolean templateAllowUserAutostop,
        List<String> templateAutostartRequirementDays,
        long templateDefaultTtlMs,
        long templateActivityBumpMs) {
    public WorkspaceRow {
        templateAutostartRequirementDays = List.copyOf(templateAutostartRequirementDays);
    }
}
