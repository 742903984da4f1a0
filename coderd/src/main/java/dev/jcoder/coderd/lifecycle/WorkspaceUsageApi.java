package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Gone;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.codersdk.PostWorkspaceUsageRequest;
import dev.jcoder.codersdk.ValidationError;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Objects;

/**
 * {@code POST /api/v2/workspaces/{workspace}/usage}: a client (the dashboard, an IDE, {@code coder
 * ssh}) says the workspace is in use. 204; the workspace's last use and autostop deadline are bumped
 * by the {@link ActivityBumper}. The body is empty, or names the agent and the client as Coder's
 * {@code PostWorkspaceUsageRequest} (both or neither; an unknown client name is a 400). Needs permission to update the workspace.
 */
public final class WorkspaceUsageApi implements Api {
    private static final long MAX_BODY = 64 * 1024;

    private final ActivityBumper bumper;

    public WorkspaceUsageApi(ActivityBumper bumper) {
        this.bumper = Objects.requireNonNull(bumper, "bumper");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/workspaces/{workspace}/usage", this::usage);
    }

    private void usage(Context ctx) {
        AuthorizingStore store = Authenticated.require(ctx).store();
        WorkspaceRow workspace = Requests.parseUuid(ctx.pathParam("workspace")).flatMap(store::getWorkspaceByID)
                .orElseThrow(NotFound::new);
        if (workspace.deleted()) {
            throw new Gone("Workspace \"" + workspace.name() + "\" was deleted.");
        }
        if (!store.can(Action.UPDATE, RbacObject.of(ResourceType.WORKSPACE).inOrganization(workspace.organizationId())
                .ownedBy(workspace.ownerId()))) {
            throw new Forbidden();
        }
        if (ctx.req().getContentLengthLong() != 0) {
            validate(Requests.body(ctx, PostWorkspaceUsageRequest.class, MAX_BODY));
        }
        bumper.bump(workspace.id());
        ctx.status(204);
    }

    /** Coder's rules: agent and app together, and the app one of the known clients. */
    private static void validate(PostWorkspaceUsageRequest request) {
        if (request.agentId() == null && request.appName() == null) {
            return;
        }
        if (request.agentId() == null) {
            throw invalid("agent_id", "must be set when app_name is set");
        }
        if (request.appName() == null) {
            throw invalid("app_name", "must be set when agent_id is set");
        }
    }

    private static ValidationFailed invalid(String field, String detail) {
        return new ValidationFailed("Invalid request", "", List.of(new ValidationError(field, detail)));
    }
}
