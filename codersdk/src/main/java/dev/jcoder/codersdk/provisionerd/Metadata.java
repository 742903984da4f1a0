package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.WorkspaceTransition;
import java.util.List;
import java.util.UUID;

/**
 * Facts about the job's context that a provisioner passes to the template (Coder's
 * {@code provisioner.Metadata}, read by the {@code coder} Terraform provider from its
 * {@code CODER_WORKSPACE_*} environment). Fields that do not apply (workspace fields of an import)
 * are empty strings, empty lists or null ids.
 *
 * <p>{@code workspaceOwnerSessionToken} is a short-lived API key of the owner that coderd mints for
 * the build ({@code data.coder_workspace_owner.session_token}); the SSH keys are the owner's Coder
 * git SSH key pair (OpenSSH format).
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
        UUID workspaceBuildId,
        String workspaceOwnerSessionToken,
        String workspaceOwnerSshPublicKey,
        String workspaceOwnerSshPrivateKey,
        String workspaceOwnerLoginType,
        List<String> workspaceOwnerGroups,
        List<RbacRole> workspaceOwnerRbacRoles) {

    public Metadata {
        workspaceName = workspaceName == null ? "" : workspaceName;
        workspaceOwner = workspaceOwner == null ? "" : workspaceOwner;
        workspaceOwnerEmail = workspaceOwnerEmail == null ? "" : workspaceOwnerEmail;
        workspaceOwnerName = workspaceOwnerName == null ? "" : workspaceOwnerName;
        templateName = templateName == null ? "" : templateName;
        templateVersion = templateVersion == null ? "" : templateVersion;
        workspaceOwnerSessionToken = workspaceOwnerSessionToken == null ? "" : workspaceOwnerSessionToken;
        workspaceOwnerSshPublicKey = workspaceOwnerSshPublicKey == null ? "" : workspaceOwnerSshPublicKey;
        workspaceOwnerSshPrivateKey = workspaceOwnerSshPrivateKey == null ? "" : workspaceOwnerSshPrivateKey;
        workspaceOwnerLoginType = workspaceOwnerLoginType == null ? "" : workspaceOwnerLoginType;
        workspaceOwnerGroups = workspaceOwnerGroups == null ? List.of() : List.copyOf(workspaceOwnerGroups);
        workspaceOwnerRbacRoles = workspaceOwnerRbacRoles == null ? List.of() : List.copyOf(workspaceOwnerRbacRoles);
    }

    /** A role of the owner as the provider's {@code rbac_roles} lists it; {@code orgId} is "" for site roles. */
    public record RbacRole(String name, String orgId) {
        public RbacRole {
            name = name == null ? "" : name;
            orgId = orgId == null ? "" : orgId;
        }
    }

    /** The metadata of a template import: only the template's names and the server URL. */
    public static Metadata forImport(String coderUrl, String templateName, String templateVersion, UUID templateVersionId) {
        return new Metadata(coderUrl, WorkspaceTransition.START, "", "", null, null, "", "", templateName,
                templateVersion, null, templateVersionId, null, "", "", "", "", List.of(), List.of());
    }
}
