package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * A workspace with its latest build. {@code autostart_schedule} and {@code ttl_ms} are null (and
 * omitted) when autostart or autostop is off; {@code deleting_at}, {@code dormant_at} and
 * {@code next_start_at} are null when they do not apply. {@code outdated} is true when the latest
 * build used another version than the template's active one.
 */
public record Workspace(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID ownerId,
        String ownerName,
        String ownerAvatarUrl,
        UUID organizationId,
        String organizationName,
        UUID templateId,
        String templateName,
        String templateDisplayName,
        String templateIcon,
        boolean templateAllowUserCancelWorkspaceJobs,
        UUID templateActiveVersionId,
        boolean templateRequireActiveVersion,
        boolean templateUseClassicParameterFlow,
        WorkspaceBuild latestBuild,
        boolean outdated,
        String name,
        @JsonInclude(JsonInclude.Include.NON_NULL) String autostartSchedule,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long ttlMs,
        Instant lastUsedAt,
        Instant deletingAt,
        Instant dormantAt,
        WorkspaceHealth health,
        AutomaticUpdates automaticUpdates,
        boolean allowRenames,
        boolean favorite,
        Instant nextStartAt,
        boolean isPrebuild) {

    /** The status of the latest build, which is the workspace's. */
    public WorkspaceStatus status() {
        return latestBuild.status();
    }
}
