package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /users/{user}/workspaces} (or {@code /organizations/{org}/members/{user}/workspaces}):
 * {@code template_id} (its active version) or {@code template_version_id}, exactly one. A null
 * {@code ttl_ms} takes the template's default TTL; a null {@code autostart_schedule} leaves autostart
 * off; a null {@code automatic_updates} means {@code never}. Null fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWorkspaceRequest(
        UUID templateId,
        UUID templateVersionId,
        String name,
        String autostartSchedule,
        Long ttlMs,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkspaceBuildParameter> richParameterValues,
        AutomaticUpdates automaticUpdates,
        UUID templateVersionPresetId) {
    public CreateWorkspaceRequest {
        richParameterValues = richParameterValues == null ? List.of() : List.copyOf(richParameterValues);
    }

    /** A workspace of the template's active version with these parameter values and default settings. */
    public static CreateWorkspaceRequest of(UUID templateId, String name, List<WorkspaceBuildParameter> parameters) {
        return new CreateWorkspaceRequest(templateId, null, name, null, null, parameters, null, null);
    }

    public CreateWorkspaceRequest withSchedule(String newAutostartSchedule, Long newTtlMs) {
        return new CreateWorkspaceRequest(templateId, templateVersionId, name, newAutostartSchedule, newTtlMs,
                richParameterValues, automaticUpdates, templateVersionPresetId);
    }

    public CreateWorkspaceRequest withAutomaticUpdates(AutomaticUpdates updates) {
        return new CreateWorkspaceRequest(templateId, templateVersionId, name, autostartSchedule, ttlMs,
                richParameterValues, updates, templateVersionPresetId);
    }

    public CreateWorkspaceRequest withPreset(UUID presetId) {
        return new CreateWorkspaceRequest(templateId, templateVersionId, name, autostartSchedule, ttlMs,
                richParameterValues, automaticUpdates, presetId);
    }
}
