package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A template: a named, per-organization recipe for workspaces that points at its active version. */
public record Template(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID organizationId,
        String organizationName,
        String organizationDisplayName,
        String organizationIcon,
        String name,
        String displayName,
        ProvisionerType provisioner,
        UUID activeVersionId,
        int activeUserCount,
        Map<String, TransitionStats> buildTimeStats,
        String description,
        boolean deprecated,
        String deprecationMessage,
        String icon,
        long defaultTtlMs,
        long activityBumpMs,
        TemplateAutostopRequirement autostopRequirement,
        TemplateAutostartRequirement autostartRequirement,
        UUID createdById,
        String createdByName,
        boolean allowUserAutostart,
        boolean allowUserAutostop,
        boolean allowUserCancelWorkspaceJobs,
        long failureTtlMs,
        long timeTilDormantMs,
        long timeTilDormantAutodeleteMs,
        boolean requireActiveVersion,
        String maxPortShareLevel,
        boolean useClassicParameterFlow) {
    public Template {
        buildTimeStats = buildTimeStats == null ? Map.of() : Map.copyOf(buildTimeStats);
    }
}
