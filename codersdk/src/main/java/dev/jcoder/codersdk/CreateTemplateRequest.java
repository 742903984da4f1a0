package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * {@code POST /organizations/{org}/templates}: a template from a version whose import succeeded.
 * Optional settings are null (omitted) to take Coder's defaults: activity bump 1 hour, users may
 * cancel jobs and set their own autostart and autostop.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateTemplateRequest(
        String name,
        String displayName,
        String description,
        String icon,
        UUID templateVersionId,
        Long defaultTtlMs,
        Long activityBumpMs,
        TemplateAutostopRequirement autostopRequirement,
        TemplateAutostartRequirement autostartRequirement,
        Boolean allowUserCancelWorkspaceJobs,
        Boolean allowUserAutostart,
        Boolean allowUserAutostop,
        Long failureTtlMs,
        Long dormantTtlMs,
        Long deleteTtlMs,
        Boolean disableEveryoneGroupAccess,
        Boolean requireActiveVersion) {

    /** A template with this name from this version and every other setting at its default. */
    public static CreateTemplateRequest of(String name, UUID versionId) {
        return new CreateTemplateRequest(name, null, null, null, versionId, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
