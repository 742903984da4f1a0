package dev.jcoder.coderd.agentapi;

import dev.jcoder.tunnel.transport.CallbackTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code GET /api/v2/workspaceagents/me/tunnel}: the agent's WebSocket, carrying a yamux session in
 * which the agent is the client (it dialled) and coderd the server; coderd opens one stream per
 * user connection (see docs/tunnel.md). Frames are sent with Jetty's completion callback so the
 * session's writer gets back-pressure, and the idle timeout is above the 15 s keepalive.
 */
public final class AgentTunnelEndpoint {
    private static final String CALLER = "jcoder.agentTunnel.caller";
    private static final String TRANSPORT = "jcoder.agentTunnel.transport";
    private static final String SESSION = "jcoder.agentTunnel.session";

    private final AgentConnections connections;
    private final SessionConfig config = SessionConfig.defaults();

    public AgentTunnelEndpoint(AgentConnections connections) {
        this.connections = connections;
    }

    void beforeUpgrade(Context ctx, AgentCaller caller) {
        ctx.attribute(CALLER, caller.agentId());
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            UUID agentId = ctx.attribute(CALLER);
            if (agentId == null) {
                ctx.closeSession(1008, "not authorized");
                return;
            }
            ctx.session.setIdleTimeout(Duration.ofSeconds(60));
            ctx.session.setMaxBinaryMessageSize(config.maxMessageSize());
            CallbackTransport transport = new CallbackTransport(message -> {
                Callback.Completable done = new Callback.Completable();
                ctx.session.sendBinary(message, done);
                return done;
            }, ctx::closeSession);
            ctx.attribute(TRANSPORT, transport);
            Session session = Session.server(transport, config);
            ctx.attribute(SESSION, session);
            connections.connected(agentId, session);
        });
        ws.onBinaryMessage(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.receive(ctx.data());
            }
        });
        ws.onClose(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.closed(ctx.status(), ctx.reason());
            }
            ended(ctx.attribute(CALLER), ctx.attribute(SESSION));
        });
        ws.onError(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.failed(ctx.error());
            }
            ended(ctx.attribute(CALLER), ctx.attribute(SESSION));
        });
    }

    private void ended(UUID agentId, Session session) {
        if (agentId != null && session != null) {
            connections.disconnected(agentId, session);
        }
    }
}
