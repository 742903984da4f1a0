package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST /workspaces/{id}/builds}. Only {@code transition} is required. A
 * {@code template_version_id} moves the workspace to that version (an update);
 * {@code rich_parameter_values} are merged over the previous build's; {@code orphan} (owners, delete
 * only) removes the workspace without destroying its infrastructure; {@code state} (owners) replaces
 * the Terraform state; {@code log_level} "debug" asks for verbose provisioner logs; {@code reason}
 * names the client ({@code dashboard}, {@code cli}, ...). Null and empty fields are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CreateWorkspaceBuildRequest(
        UUID templateVersionId,
        WorkspaceTransition transition,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean dryRun,
        byte[] state,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean orphan,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<WorkspaceBuildParameter> richParameterValues,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String logLevel,
        UUID templateVersionPresetId,
        BuildReason reason) {
    public CreateWorkspaceBuildRequest {
        richParameterValues = richParameterValues == null ? List.of() : List.copyOf(richParameterValues);
        logLevel = logLevel == null ? "" : logLevel;
    }

    /** A build with only a transition. */
    public static CreateWorkspaceBuildRequest of(WorkspaceTransition transition) {
        return new CreateWorkspaceBuildRequest(null, transition, false, null, false, List.of(), "", null, null);
    }

    public CreateWorkspaceBuildRequest withTemplateVersion(UUID versionId) {
        return new CreateWorkspaceBuildRequest(versionId, transition, dryRun, state, orphan, richParameterValues,
                logLevel, templateVersionPresetId, reason);
    }

    public CreateWorkspaceBuildRequest withParameters(List<WorkspaceBuildParameter> values) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, state, orphan, values,
                logLevel, templateVersionPresetId, reason);
    }

    public CreateWorkspaceBuildRequest withOrphan(boolean newOrphan) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, state, newOrphan,
                richParameterValues, logLevel, templateVersionPresetId, reason);
    }

    public CreateWorkspaceBuildRequest withState(byte[] newState) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, newState, orphan,
                richParameterValues, logLevel, templateVersionPresetId, reason);
    }

    public CreateWorkspaceBuildRequest withLogLevel(String newLogLevel) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, state, orphan,
                richParameterValues, newLogLevel, templateVersionPresetId, reason);
    }

    public CreateWorkspaceBuildRequest withReason(BuildReason newReason) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, state, orphan,
                richParameterValues, logLevel, templateVersionPresetId, newReason);
    }

    public CreateWorkspaceBuildRequest withPreset(UUID presetId) {
        return new CreateWorkspaceBuildRequest(templateVersionId, transition, dryRun, state, orphan,
                richParameterValues, logLevel, presetId, reason);
    }
}
