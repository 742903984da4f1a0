package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.ProvisionerType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code templates}. Durations are milliseconds. */
public record TemplateRow(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        UUID organizationId,
        boolean deleted,
        String name,
        String displayName,
        String description,
        String icon,
        ProvisionerType provisioner,
        UUID activeVersionId,
        UUID createdBy,
        long defaultTtlMs,
        long activityBumpMs,
        List<String> autostopRequirementDays,
        long autostopRequirementWeeks,
        List<String> autostartRequirementDays,
        boolean allowUserAutostart,
        boolean allowUserAutostop,
        boolean allowUserCancelWorkspaceJobs,
        long failureTtlMs,
        long timeTilDormantMs,
        long timeTilDormantAutodeleteMs,
        boolean requireActiveVersion,
        String deprecationMessage,
        String maxPortShareLevel,
        boolean useClassicParameterFlow) {
    public TemplateRow {
        autostopRequirementDays = List.copyOf(autostopRequirementDays);
        autostartRequirementDays = List.copyOf(autostartRequirementDays);
    }
}
