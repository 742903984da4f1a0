package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.WorkspaceTransition;
import java.util.UUID;

/**
 * Facts about the job's context that a provisioner passes to the template (Coder's
 * {@code provisioner.Metadata}, read by the {@code coder} Terraform provider). Fields that do not
 * apply (workspace fields of an import) are empty strings or null ids.
 */
public record Metadata(
        String coderUrl,
        WorkspaceTransition workspaceTransition,
        String workspaceName,
        String workspaceOwner,
        UUID workspaceId,
        UUID workspaceOwnerId,
        String workspaceOwnerEmail,
        String workspaceOwnerName,
        String templateName,
        String templateVersion,
        UUID templateId,
        UUID templateVersionId,
        UUID workspaceBuildId) {

    /** The metadata of a template import: only the template's names and the server URL. */
    public static Metadata forImport(String coderUrl, String templateName, String templateVersion, UUID templateVersionId) {
        return new Metadata(coderUrl, WorkspaceTransition.START, "", "", null, null, "", "", templateName,
                templateVersion, null, templateVersionId, null);
    }
}
