package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.WorkspaceAgentTokenRow;
import dev.jcoder.codersdk.CoderClient;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates a workspace agent by its token, sent like a session token (header
 * {@code Coder-Session-Token}, cookie or query parameter {@code coder_session_token}). A token
 * nobody has is a 401; the agent of a deleted workspace, or of a build that is no longer the
 * workspace's latest (the workspace was stopped, restarted or updated), gets 403: its
 * infrastructure should be gone.
 *
 * <p>The agent then acts as a subject of its own, named after it, holding the workspace owner's
 * member permissions in the workspace's organization; every agent endpoint additionally scopes
 * its reads and writes to the agent id the token resolved to.
 */
public final class AgentAuthenticator {
    private final AuthorizingStore validationStore;

    public AgentAuthenticator(AuthorizingStore store) {
        // System actor: reads any agent by its token to find out which agent is calling.
        this.validationStore = store.as(Subject.system("agent token validation"));
    }

    /** Authenticates the request and attaches the {@link AgentCaller}; throws 401/403. */
    public AgentCaller authenticate(Context ctx) {
        String token = token(ctx);
        if (token.isEmpty()) {
            throw new Unauthenticated("Workspace agent not authorized.",
                    "Cookie \"coder_session_token\", query parameter or header \"Coder-Session-Token\" must be provided.");
        }
        WorkspaceAgentTokenRow agent = validationStore.getWorkspaceAgentAndLatestBuildByAuthToken(token)
                .orElseThrow(() -> new Unauthenticated("Workspace agent not authorized.", "The agent token is not valid."));
        if (agent.workspaceDeleted()) {
            throw new Forbidden("Workspace agent not authorized.", "The agent's workspace was deleted.");
        }
        if (!agent.latestBuild()) {
            throw new Forbidden("Workspace agent not authorized.",
                    "The agent does not belong to the latest build of its workspace (it was stopped or rebuilt).");
        }
        Subject subject = Subject.user(agent.ownerId(), "workspace agent " + agent.agentId(), Set.of(),
                Map.of(agent.organizationId(), Set.of()));
        AgentCaller caller = new AgentCaller(agent, validationStore.as(subject));
        caller.attachTo(ctx);
        return caller;
    }

    private static String token(Context ctx) {
        for (String value : new String[] {ctx.header(CoderClient.SESSION_TOKEN_HEADER),
            ctx.cookie(CoderClient.SESSION_TOKEN_COOKIE), ctx.queryParam(CoderClient.SESSION_TOKEN_COOKIE)}) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }
}
