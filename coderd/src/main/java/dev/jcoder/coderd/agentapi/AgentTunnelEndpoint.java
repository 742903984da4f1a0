package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.http.WebSocketTunnel;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.util.UUID;

/**
 * {@code GET /api/v2/workspaceagents/me/tunnel}: the agent's WebSocket, carrying a yamux session in
 * which the agent is the client (it dialled) and coderd the server; coderd opens one stream per
 * user connection (see docs/tunnel.md). Frames are sent with Jetty's completion callback so the
 * session's writer gets back-pressure, and the idle timeout is above the 15 s keepalive.
 */
public final class AgentTunnelEndpoint {
    private static final String CALLER = "jcoder.agentTunnel.caller";

    private final AgentConnections connections;
    private final SessionConfig config = SessionConfig.defaults();

    public AgentTunnelEndpoint(AgentConnections connections) {
        this.connections = connections;
    }

    void beforeUpgrade(Context ctx, AgentCaller caller) {
        ctx.attribute(CALLER, caller.agentId());
    }

    void configure(WsConfig ws) {
        WebSocketTunnel.configure(ws, config, (ctx, session) -> {
            UUID agentId = ctx.attribute(CALLER);
            if (agentId == null) {
                session.close();
                ctx.closeSession(1008, "not authorized");
                return;
            }
            connections.connected(agentId, session);
        }, (ctx, session) -> ended(ctx.attribute(CALLER), session));
    }

    private void ended(UUID agentId, Session session) {
        if (agentId != null && session != null) {
            connections.disconnected(agentId, session);
        }
    }
}
