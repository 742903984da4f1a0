package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.WorkspaceAgentTokenRow;
import io.javalin.http.Context;
import java.util.UUID;

/**
 * The agent calling {@code /api/v2/workspaceagents/me/*}: who it is (from its token, never from the
 * request) and a store acting as the agent.
 */
public record AgentCaller(WorkspaceAgentTokenRow agent, AuthorizingStore store) {
    private static final String ATTRIBUTE = "jcoder.agentCaller";

    public UUID agentId() {
        return agent.agentId();
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    static AgentCaller require(Context ctx) {
        AgentCaller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new Unauthenticated("Workspace agent not authorized.", "No agent token was checked for this request.");
        }
        return caller;
    }
}
