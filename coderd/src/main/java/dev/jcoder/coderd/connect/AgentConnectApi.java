package dev.jcoder.coderd.connect;

import dev.jcoder.coderd.agentapi.AgentConnections;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.ApiKeyAuthenticator;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.WebSocketTunnel;
import dev.jcoder.tunnel.pump.Relay;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceStatus;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v2/workspaceagents/{workspaceagent}/connect}: the client tunnel. The CLI dials a
 * WebSocket (user session token), runs yamux as the client and opens one stream per SSH session or
 * forwarded TCP connection, each starting with a stream header. coderd checks the header against
 * the caller's permissions, opens a stream on the agent's tunnel with the same header, passes the
 * agent's answer back ("Nothing is listening on 127.0.0.1:3000 ...") and pumps bytes both ways.
 * The agent's tunnel is looked up per stream, so a client tunnel survives the agent reconnecting.
 *
 * <p>Only the replica that holds the agent's tunnel can relay (no replica-to-replica relay yet).
 */
public final class AgentConnectApi implements Api {
    static final String BASE = "/api/v2/workspaceagents/{workspaceagent}";
    private static final Logger log = LoggerFactory.getLogger(AgentConnectApi.class);
    private static final String TARGET = "jcoder.connect.target";
    private static final Duration AGENT_ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final ApiKeyAuthenticator authenticator;
    private final AgentConnections connections;
    private final ConnectionActivity activity;
    private final ReconnectingPtyEndpoint pty;
    private final SessionConfig config = SessionConfig.defaults();

    public AgentConnectApi(ApiKeyAuthenticator authenticator, AgentConnections connections, Consumer<UUID> activityBumper,
            InstantSource clock) {
        this.authenticator = authenticator;
        this.connections = connections;
        this.activity = new ConnectionActivity(activityBumper, clock);
        this.pty = new ReconnectingPtyEndpoint(this);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.wsBeforeUpgrade(BASE + "/connect", this::beforeConnect);
        routes.ws(BASE + "/connect", this::configureConnect);
        routes.wsBeforeUpgrade(BASE + "/pty", pty::beforeUpgrade);
        routes.ws(BASE + "/pty", pty::configure);
    }

    /** Authenticates the caller (header, cookie or query token) and resolves the agent they may connect to. */
    ConnectTarget target(Context ctx) {
        if (Authenticated.from(ctx).isEmpty()) {
            authenticator.authenticate(ctx, true);
        }
        return ConnectTarget.resolve(Authenticated.require(ctx).store(), ctx.pathParam("workspaceagent"));
    }

    private void beforeConnect(Context ctx) {
        ctx.attribute(TARGET, target(ctx));
    }

    private void configureConnect(WsConfig ws) {
        WebSocketTunnel.configure(ws, config, (ctx, session) -> {
            ConnectTarget target = ctx.attribute(TARGET);
            if (target == null) {
                ctx.closeSession(1008, "not authorized");
                return;
            }
            activity.connected(target.workspaceId());
            Thread.ofVirtual().name("connect-" + target.agentId()).start(() -> acceptLoop(target, session));
        });
    }

    private void acceptLoop(ConnectTarget target, Session client) {
        try {
            while (true) {
                Stream stream = client.accept();
                Thread.ofVirtual().name("connect-stream").start(() -> relay(target, stream));
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private void relay(ConnectTarget target, Stream stream) {
        Optional<Session> agent = connections.session(target.agentId());
        try {
            if (agent.isEmpty()) {
                refuseAgentAway(target, stream);
                return;
            }
            Relay.forward(stream, agent.get(), request -> {
                var refusal = target.refusal(request);
                if (refusal.isEmpty()) {
                    activity.connected(target.workspaceId());
                }
                return refusal;
            }, AGENT_ANSWER_TIMEOUT).whenComplete((result, error) -> {
                if (result != null && result.failure().isPresent()
                        && !(result.failure().get() instanceof ServiceHeaderException)) {
                    log.debug("relay to agent {} ended: {}", target.agentId(), result.failure().get().toString());
                }
            });
        } catch (RuntimeException e) {
            stream.reset();
        }
    }

    private static void refuseAgentAway(ConnectTarget target, Stream stream) {
        try {
            ServiceHeaders.readRequest(stream.inputStream());
            ServiceHeaders.reject(stream, ServiceStatus.FAILED, agentAwayMessage(target));
            stream.close();
        } catch (IOException e) {
            stream.reset();
        }
    }

    static String agentAwayMessage(ConnectTarget target) {
        return "The agent of workspace " + target.ownerUsername() + "/" + target.workspaceName()
                + " is not connected (it may be starting, stopped, or connected to another replica).";
    }

    /** Opens a stream to the target's agent with {@code request} (the web terminal's way in). */
    Stream openAgentStream(ConnectTarget target, ServiceRequest request) throws IOException {
        Session agent = connections.session(target.agentId())
                .orElseThrow(() -> new ServiceHeaderException(ServiceStatus.FAILED, agentAwayMessage(target)));
        Stream stream = agent.open();
        ServiceHeaders.connect(stream, request, AGENT_ANSWER_TIMEOUT);
        activity.connected(target.workspaceId());
        return stream;
    }

    static ValidationFailed badQuery(String field, String detail) {
        return ValidationFailed.field(field, detail);
    }

    static void close(WsContext ctx, int code, String reason) {
        try {
            // A close reason may hold 123 bytes.
            ctx.closeSession(code, reason.length() > 120 ? reason.substring(0, 120) : reason);
        } catch (RuntimeException e) {
            // already closed
        }
    }
}
