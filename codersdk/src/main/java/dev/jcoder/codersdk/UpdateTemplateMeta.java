package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code PATCH /templates/{id}}: every field is optional; a null (omitted) field keeps its value.
 * An empty {@code deprecation_message} un-deprecates the template.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateTemplateMeta(
        String name,
        String displayName,
        String description,
        String icon,
        Long defaultTtlMs,
        Long activityBumpMs,
        TemplateAutostopRequirement autostopRequirement,
        TemplateAutostartRequirement autostartRequirement,
        Boolean allowUserAutostart,
        Boolean allowUserAutostop,
        Boolean allowUserCancelWorkspaceJobs,
        Long failureTtlMs,
        Long timeTilDormantMs,
        Long timeTilDormantAutodeleteMs,
        Boolean requireActiveVersion,
        String deprecationMessage,
        Boolean disableEveryoneGroupAccess) {

    /** No changes; combine with the {@code with...} methods. */
    public static UpdateTemplateMeta empty() {
        return new UpdateTemplateMeta(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public UpdateTemplateMeta withNames(String newName, String newDisplayName, String newDescription, String newIcon) {
        return new UpdateTemplateMeta(newName, newDisplayName, newDescription, newIcon, defaultTtlMs, activityBumpMs,
                autostopRequirement, autostartRequirement, allowUserAutostart, allowUserAutostop,
                allowUserCancelWorkspaceJobs, failureTtlMs, timeTilDormantMs, timeTilDormantAutodeleteMs,
                requireActiveVersion, deprecationMessage, disableEveryoneGroupAccess);
    }

    public UpdateTemplateMeta withSchedule(Long newDefaultTtlMs, Long newActivityBumpMs) {
        return new UpdateTemplateMeta(name, displayName, description, icon, newDefaultTtlMs, newActivityBumpMs,
                autostopRequirement, autostartRequirement, allowUserAutostart, allowUserAutostop,
                allowUserCancelWorkspaceJobs, failureTtlMs, timeTilDormantMs, timeTilDormantAutodeleteMs,
                requireActiveVersion, deprecationMessage, disableEveryoneGroupAccess);
    }

    public UpdateTemplateMeta withPermissions(Boolean autostart, Boolean autostop, Boolean cancelJobs) {
        return new UpdateTemplateMeta(name, displayName, description, icon, defaultTtlMs, activityBumpMs,
                autostopRequirement, autostartRequirement, autostart, autostop, cancelJobs, failureTtlMs,
                timeTilDormantMs, timeTilDormantAutodeleteMs, requireActiveVersion, deprecationMessage,
                disableEveryoneGroupAccess);
    }

    /** The failure cleanup, dormancy threshold and dormancy auto-deletion TTLs (milliseconds; 0 turns one off). */
    public UpdateTemplateMeta withLifecycle(Long newFailureTtlMs, Long newTimeTilDormantMs,
            Long newTimeTilDormantAutodeleteMs) {
        return new UpdateTemplateMeta(name, displayName, description, icon, defaultTtlMs, activityBumpMs,
                autostopRequirement, autostartRequirement, allowUserAutostart, allowUserAutostop,
                allowUserCancelWorkspaceJobs, newFailureTtlMs, newTimeTilDormantMs, newTimeTilDormantAutodeleteMs,
                requireActiveVersion, deprecationMessage, disableEveryoneGroupAccess);
    }

    public UpdateTemplateMeta withAutostartRequirement(TemplateAutostartRequirement requirement) {
        return new UpdateTemplateMeta(name, displayName, description, icon, defaultTtlMs, activityBumpMs,
                autostopRequirement, requirement, allowUserAutostart, allowUserAutostop,
                allowUserCancelWorkspaceJobs, failureTtlMs, timeTilDormantMs, timeTilDormantAutodeleteMs,
                requireActiveVersion, deprecationMessage, disableEveryoneGroupAccess);
    }

    public UpdateTemplateMeta withDeprecationMessage(String message) {
        return new UpdateTemplateMeta(name, displayName, description, icon, defaultTtlMs, activityBumpMs,
                autostopRequirement, autostartRequirement, allowUserAutostart, allowUserAutostop,
                allowUserCancelWorkspaceJobs, failureTtlMs, timeTilDormantMs, timeTilDormantAutodeleteMs,
                requireActiveVersion, message, disableEveryoneGroupAccess);
    }
}
