package dev.jcoder.coderd.connect;

import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.WorkspaceAgentTokenRow;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceResponse;
import dev.jcoder.tunnel.service.ServiceStatus;
import java.util.Optional;
import java.util.UUID;

/**
 * The agent a user connects to, with what the user may do there: {@code ssh} (SSH sessions, the
 * web terminal, speed tests) and {@code application_connect} (TCP: port forwarding and apps), as
 * Coder's RBAC actions on the workspace. Someone who cannot read the workspace gets 404; someone
 * who can read it but do neither gets 403.
 */
record ConnectTarget(UUID agentId, UUID workspaceId, String workspaceName, String ownerUsername, boolean canSsh,
        boolean canConnectApps) {

    /** Resolves {@code agentParam} for the caller, checking the workspace runs its latest build. */
    static ConnectTarget resolve(AuthorizingStore store, String agentParam) {
        WorkspaceAgentTokenRow row = Requests.parseUuid(agentParam).flatMap(store::getWorkspaceAgentAndWorkspaceByID)
                .orElseThrow(NotFound::new);
        RbacObject workspace = RbacObject.of(ResourceType.WORKSPACE).ownedBy(row.ownerId()).inOrganization(row.organizationId());
        boolean ssh = store.can(Action.SSH, workspace);
        boolean apps = store.can(Action.APPLICATION_CONNECT, workspace);
        if (!ssh && !apps) {
            throw new Forbidden("Forbidden.", "You don't have permission to connect to workspace "
                    + row.ownerUsername() + "/" + row.workspaceName() + ".");
        }
        if (row.workspaceDeleted()) {
            throw new ValidationFailed("Workspace " + row.workspaceName() + " was deleted.");
        }
        if (!row.latestBuild() || !"start".equals(row.buildTransition())) {
            throw new ValidationFailed("Agent " + row.agentName() + " belongs to a build that is not running.",
                    "Start workspace " + row.ownerUsername() + "/" + row.workspaceName() + " first (coder start "
                            + row.workspaceName() + ").");
        }
        return new ConnectTarget(row.agentId(), row.workspaceId(), row.workspaceName(), row.ownerUsername(), ssh, apps);
    }

    /** Whether the caller may open a stream for {@code request}; empty when allowed. */
    Optional<ServiceResponse> refusal(ServiceRequest request) {
        boolean allowed = switch (request) {
            case ServiceRequest.Tcp ignored -> canConnectApps;
            case ServiceRequest.Ssh ignored -> canSsh;
            case ServiceRequest.ReconnectingPty ignored -> canSsh;
            case ServiceRequest.Speedtest ignored -> canSsh;
        };
        if (allowed) {
            return Optional.empty();
        }
        String action = request instanceof ServiceRequest.Tcp ? "application_connect" : "ssh";
        return Optional.of(ServiceResponse.error(ServiceStatus.FORBIDDEN,
                "You may not " + request.service() + " into workspace " + ownerUsername + "/" + workspaceName
                        + " (it needs the " + action + " permission)."));
    }
}
